using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

internal sealed class DuplexStreamingMethodInvoker<TService, TRequest, TResponse>(
    MethodDescriptor descriptor,
    Func<TService, IAsyncEnumerable<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> method) : ServiceMethodInvoker(descriptor)
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    public override Task InvokeAsync(IServerCallTransport transport, ServerCallContext context)
    {
        var service = context.HttpContext.RequestServices.GetRequiredService<TService>();
        var requests = transport.ReadAllMessagesAsync(Parser, context.CancellationToken);
        return method(service, requests, new TransportStreamWriter<TResponse>(transport, context), context);
    }
}
