using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

internal sealed class ServerStreamingMethodInvoker<TService, TRequest, TResponse>(
    MethodDescriptor descriptor,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> method) : ServiceMethodInvoker(descriptor)
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    public override async Task InvokeAsync(IServerCallTransport transport, ServerCallContext context)
    {
        var request = await transport.ReadSingleMessageAsync(Parser, context.CancellationToken).ConfigureAwait(false);
        var service = context.HttpContext.RequestServices.GetRequiredService<TService>();
        await method(service, request, new TransportStreamWriter<TResponse>(transport, context), context).ConfigureAwait(false);
    }
}
