using System.Diagnostics;

namespace InferenceGrpc.Server.Observability;

/// <summary>
/// Structured logs that carry the W3C trace context (ASP.NET Core continues an incoming
/// <c>traceparent</c>; every log line gets its TraceId and SpanId as scopes, and the request
/// scope adds RequestId and RequestPath), and the service's metrics at <c>GET /metrics</c>.
/// </summary>
internal static class ObservabilityRegistration
{
    public static IServiceCollection AddObservability(this IServiceCollection services, ILoggingBuilder logging)
    {
        // One JSON object per line, scopes included: what log pipelines parse without rules.
        logging.ClearProviders().AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.AddSingleton<MetricsCollector>();
        return services;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        // Created now, not on the first scrape, so it counts from the start.
        var collector = app.Services.GetRequiredService<MetricsCollector>();
        app.MapGet(PrometheusExposition.Path, () => Results.Text(PrometheusExposition.Write(collector), PrometheusExposition.ContentType));
        return app;
    }
}
