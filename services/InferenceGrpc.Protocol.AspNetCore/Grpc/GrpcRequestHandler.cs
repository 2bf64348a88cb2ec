using InferenceGrpc.Protocol.AspNetCore.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Protocol.AspNetCore.Grpc;

/// <summary>
/// The gRPC and gRPC-Web front-end: checks what the protocol requires of the request, sets the
/// call up (deadline, per-request Kestrel limits) and runs it through the shared pipeline.
/// </summary>
internal sealed class GrpcRequestHandler(ServerCallPipeline pipeline, IOptions<GrpcServerOptions> options, ILogger<GrpcRequestHandler> logger)
{
    private static readonly RpcStatus Unimplemented = new(StatusCode.Unimplemented, "Method is unimplemented.");

    public async Task HandleAsync(HttpContext http, CallProtocol protocol, ServiceMethodInvoker? invoker)
    {
        if (protocol == CallProtocol.Grpc && !HttpProtocol.IsHttp2(http.Request.Protocol) && !HttpProtocol.IsHttp3(http.Request.Protocol))
        {
            // gRPC needs HTTP/2 trailers; tell an HTTP/1.1 client to upgrade (or use gRPC-Web).
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Connection = "Upgrade";
            http.Response.Headers.Upgrade = "h2c";
            return;
        }

        var path = http.Request.Path.Value ?? string.Empty;
        string? encoding = http.Request.Headers["grpc-encoding"];
        var early = invoker is null ? Unimplemented
            : !GzipCompression.IsSupported(encoding) ? new RpcStatus(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GzipCompression.AcceptEncoding}")
            : null;

        // A malformed grpc-timeout is ignored, as other gRPC servers do: the call gets the default deadline.
        var timeout = GrpcTimeout.TryParse(http.Request.Headers["grpc-timeout"], out var parsed) ? parsed : options.Value.DefaultDeadlineFor(invoker?.Descriptor);
        using var deadline = new CallDeadline(timeout, http.RequestAborted);
        var context = new ServerCallContext(http, path, invoker?.Descriptor, protocol, deadline);
        var transport = new GrpcCallTransport(http, context, options.Value);

        if (early is not null)
        {
            if (invoker is null)
            {
                GrpcServerLog.UnimplementedMethod(logger, path);
            }

            await transport.CompleteAsync(early).ConfigureAwait(false);
            return;
        }

        LiftKestrelLimits(http, invoker!);
        await pipeline.RunAsync(invoker!, transport, context, deadline).ConfigureAwait(false);
    }

    /// <summary>
    /// Kestrel's request-size limit (30 MB) and minimum data rates (240 B/s) fit uploads, not
    /// gRPC: message sizes are enforced per message, and a stream may rightly sit idle.
    /// </summary>
    private static void LiftKestrelLimits(HttpContext http, ServiceMethodInvoker invoker)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        if (invoker.Descriptor.IsClientStreaming && http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } requestRate)
        {
            requestRate.MinDataRate = null;
        }

        if (invoker.Descriptor.IsServerStreaming && http.Features.Get<IHttpMinResponseDataRateFeature>() is { } responseRate)
        {
            responseRate.MinDataRate = null;
        }
    }
}
