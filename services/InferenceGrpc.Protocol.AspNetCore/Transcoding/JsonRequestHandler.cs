using InferenceGrpc.Protocol.AspNetCore.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>The REST front-end: one call per request through the shared pipeline.</summary>
internal sealed class JsonRequestHandler(ServerCallPipeline pipeline, IOptions<GrpcServerOptions> options)
{
    public async Task HandleAsync(HttpContext http, HttpRouteMatch match)
    {
        var invoker = match.Route.Invoker;
        var shape = options.Value.JsonShapes.GetValueOrDefault(invoker.Descriptor.FullName) ?? ProtobufJsonShape.Instance;

        // REST callers send no grpc-timeout: the server's default deadline bounds the call.
        using var deadline = new CallDeadline(options.Value.DefaultDeadlineFor(invoker.Descriptor), http.RequestAborted);
        var context = new ServerCallContext(http, "/" + invoker.Descriptor.Service.FullName + "/" + invoker.Descriptor.Name, invoker.Descriptor, CallProtocol.Json, deadline);
        var transport = new JsonCallTransport(http, match, shape, options.Value);
        await pipeline.RunAsync(invoker, transport, context, deadline).ConfigureAwait(false);
    }
}
