using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>
/// What every call leaves behind, whatever its front-end: a count and a duration on the
/// "InferenceGrpc.Protocol" meter (named as OpenTelemetry's RPC conventions name them), and one
/// structured log line with the method, protocol, status, time, the request id and the W3C trace
/// id (ASP.NET Core continues an incoming traceparent into <see cref="Activity.Current"/>).
/// </summary>
internal static class CallTelemetry
{
    public const string MeterName = "InferenceGrpc.Protocol";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("rpc.server.calls", "{call}", "Calls finished, by method, protocol and status code.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("rpc.server.duration", "s", "Time from the request to the final status.");

    public static void Record(ILogger logger, ServerCallContext context, RpcStatus status, long startTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
        var tags = new TagList
        {
            { "rpc.method", context.Method },
            { "rpc.protocol", context.Protocol.ToString() },
            { "rpc.grpc.status_code", status.Code.ToString() },
        };
        Calls.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? "";
            GrpcServerLog.CallCompleted(logger, context.Method, context.Protocol, status.Code, elapsed.TotalMilliseconds, context.HttpContext.TraceIdentifier, traceId);
        }
    }
}
