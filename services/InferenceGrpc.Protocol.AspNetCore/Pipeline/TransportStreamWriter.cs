using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>The stream writer handed to service code: one flushed message per write, none waiting for ever.</summary>
internal sealed class TransportStreamWriter<T>(IServerCallTransport transport, ServerCallContext context) : IServerStreamWriter<T>
    where T : IMessage
{
    private readonly StalledStreamGuard _guard = context.HttpContext.RequestServices.GetRequiredService<StalledStreamGuard>();

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

        return _guard.GuardAsync(transport.WriteMessageAsync(message, flush: true, context.CancellationToken), context);
    }
}
