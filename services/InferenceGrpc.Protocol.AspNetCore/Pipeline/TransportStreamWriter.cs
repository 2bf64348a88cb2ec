using Google.Protobuf;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>The stream writer handed to service code: one flushed message per write.</summary>
internal sealed class TransportStreamWriter<T>(IServerCallTransport transport, ServerCallContext context) : IServerStreamWriter<T>
    where T : IMessage
{
    public ValueTask WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        // After a client goes away Kestrel does not reliably fail body writes, so the call's
        // token is checked before every message: this is what stops a producer promptly.
        context.CancellationToken.ThrowIfCancellationRequested();
        cancellationToken.ThrowIfCancellationRequested();
        if (context.ServerShuttingDown)
        {
            throw new RpcException(ServerCallPipeline.ShuttingDown);
        }

        return transport.WriteMessageAsync(message, flush: true, context.CancellationToken);
    }
}
