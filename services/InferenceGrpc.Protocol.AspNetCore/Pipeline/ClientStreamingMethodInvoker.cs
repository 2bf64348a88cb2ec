using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

internal sealed class ClientStreamingMethodInvoker<TService, TRequest, TResponse>(
    MethodDescriptor descriptor,
    Func<TService, IAsyncEnumerable<TRequest>, ServerCallContext, Task<TResponse>> method) : ServiceMethodInvoker(descriptor)
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    public override async Task InvokeAsync(IServerCallTransport transport, ServerCallContext context)
    {
        var service = context.HttpContext.RequestServices.GetRequiredService<TService>();
        var requests = transport.ReadAllMessagesAsync(Parser, context.CancellationToken);
        var response = await method(service, requests, context).ConfigureAwait(false);
        await transport.WriteMessageAsync(response, flush: false, context.CancellationToken).ConfigureAwait(false);
    }
}
