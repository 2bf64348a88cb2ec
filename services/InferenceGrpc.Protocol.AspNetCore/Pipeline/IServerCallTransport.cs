using Google.Protobuf;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>
/// How a front-end carries one call: reading request messages, writing response messages, and
/// ending with a status. gRPC, gRPC-Web and JSON each implement it; the invokers and the pipeline
/// are the same for all three.
/// </summary>
internal interface IServerCallTransport
{
    /// <summary>The next request message, or null when the client has sent them all.</summary>
    ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>;

    /// <summary>
    /// Sends one response message. <paramref name="flush"/> is true for streams, where each
    /// message must leave now; a unary response goes out together with the status.
    /// </summary>
    ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken);

    /// <summary>Ends the call with a status. Never throws for a client that has gone.</summary>
    Task CompleteAsync(RpcStatus status);
}
