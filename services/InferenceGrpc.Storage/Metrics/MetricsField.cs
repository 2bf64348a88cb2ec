namespace InferenceGrpc.Storage.Metrics;

/// <summary>A scalar column of the metrics view of an inference (api-compat-spec 6.4).</summary>
public enum MetricsField
{
    ModelName,
    VirtualModelName,
    RequestType,
    SubjectSlug,
    SubjectType,
    SessionId,
    TraceId,
    LatencyMs,
    TtftMs,
    InterTokenLatencyMs,
    TimePerOutputTokenMs,
    InputTokens,
    OutputTokens,
    CostUsd,
}
