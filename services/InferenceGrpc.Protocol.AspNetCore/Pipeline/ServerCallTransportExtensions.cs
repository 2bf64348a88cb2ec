using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

internal static class ServerCallTransportExtensions
{
    // The caller's framing, not our failure: INVALID_ARGUMENT, as for a message that does not parse.
    private static readonly RpcStatus MissingRequest = new(StatusCode.InvalidArgument, "The request has no message; a unary or server-streaming call needs exactly one.");
    private static readonly RpcStatus ExtraRequest = new(StatusCode.InvalidArgument, "The request has more than one message; a unary or server-streaming call takes exactly one.");

    /// <summary>Reads exactly one request message, as unary and server-streaming calls require.</summary>
    public static async ValueTask<T> ReadSingleMessageAsync<T>(this IServerCallTransport transport, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var message = await transport.ReadMessageAsync(parser, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(MissingRequest);
        if (await transport.ReadMessageAsync(parser, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new RpcException(ExtraRequest);
        }

        return message;
    }

    /// <summary>The request messages of a client- or bidirectional-streaming call.</summary>
    public static async IAsyncEnumerable<T> ReadAllMessagesAsync<T>(this IServerCallTransport transport, MessageParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (await transport.ReadMessageAsync(parser, cancellationToken).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }
    }
}
