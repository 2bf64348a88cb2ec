using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>
/// Ends a response stream whose client stopped taking messages. A write waits while the client
/// grants no HTTP/2 flow-control window (or, over HTTP/1.1, stops reading the socket) once
/// Kestrel's per-stream buffer is full, and the producer behind it (a store cursor, a page in
/// memory) waits with it, up to the streaming deadline. When one message has waited
/// <see cref="GrpcServerOptions.StreamWriteTimeout"/>, the stream is reset (RST_STREAM CANCEL on
/// HTTP/2; the connection closed on HTTP/1.1, which has no per-request reset), so the call's
/// cancellation token fires and the producer stops; a log line and
/// <c>rpc.server.stalled_streams</c> record it. No status can reach the client: it is not reading.
/// </summary>
internal sealed class StalledStreamGuard(IOptions<GrpcServerOptions> options, ILogger<StalledStreamGuard> logger)
{
    private const int Http2Cancel = 0x8;
    private static readonly Meter Meter = new(CallTelemetry.MeterName);
    private static readonly Counter<long> Stalled = Meter.CreateCounter<long>(
        "rpc.server.stalled_streams", "{call}", "Response streams reset because the client took no message for the stream write timeout.");

    /// <summary><paramref name="write"/>, bounded by the stream write timeout; free when it completed at once.</summary>
    public ValueTask GuardAsync(ValueTask write, ServerCallContext context) =>
        write.IsCompleted || options.Value.StreamWriteTimeout is not { } timeout ? write : WaitAsync(write.AsTask(), timeout, context);

    private async ValueTask WaitAsync(Task write, TimeSpan timeout, ServerCallContext context)
    {
        try
        {
            await write.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Stalled.Add(1, new TagList { { "rpc.method", context.Method }, { "rpc.protocol", context.Protocol.ToString() } });
            GrpcServerLog.StreamWriteStalled(logger, context.Method, context.Protocol, timeout.TotalSeconds);
            Reset(context.HttpContext);

            // The reset fires RequestAborted, which ends the flush the write waits on; let it
            // finish before the call completes, so nothing else writes while it still does.
            await write.WaitAsync(timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw new RpcException(new RpcStatus(StatusCode.Cancelled, $"The client took no response message for {timeout.TotalSeconds:0.###} s; the stream was reset."));
        }
    }

    private static void Reset(HttpContext http)
    {
        if (http.Features.Get<IHttpResetFeature>() is { } reset)
        {
            reset.Reset(Http2Cancel);
        }
        else
        {
            http.Abort();
        }
    }
}
