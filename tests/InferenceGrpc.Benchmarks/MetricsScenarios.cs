using Google.Protobuf;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Benchmarks;

/// <summary>
/// TrueFoundry metrics queries over the sample data's last week (its window ends 2026-01-01):
/// the scenario (hourly, by model and team, p99 latency and total cost), a distribution
/// of tokens, cost and latency by model, and the whole 30 days by team per day.
/// </summary>
internal static class MetricsScenarios
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static IReadOnlyList<(string Name, QueryMetricsRequest Request)> All { get; } =
    [
        ("week hourly by model+team: p99, cost", Parse("""
            {"startTs":"2025-12-25T00:00:00Z","endTs":"2026-01-01T00:00:00Z","datasource":"modelMetrics","type":"timeseries","interval":"1 hour",
             "groupBy":["modelName","team"],"aggregations":[{"type":"p99","column":"latencyMs"},{"type":"sum","column":"costInUSD"}]}
            """)),
        ("week by model: tokens, cost, p50/p99", Parse("""
            {"startTs":"2025-12-25T00:00:00Z","endTs":"2026-01-01T00:00:00Z","datasource":"modelMetrics","type":"distribution","groupBy":["modelName"],
             "aggregations":[{"type":"count","column":"modelName"},{"type":"sum","column":"inputTokens"},{"type":"sum","column":"outputTokens"},
             {"type":"p50","column":"latencyMs"},{"type":"p99","column":"latencyMs"},{"type":"sum","column":"costInUSD"}]}
            """)),
        ("30 days daily by team: cost, avg ttft", Parse("""
            {"startTs":"2025-12-02T00:00:00Z","endTs":"2026-01-01T00:00:00Z","datasource":"modelMetrics","type":"timeseries","interval":"1 day",
             "groupBy":["team"],"aggregations":[{"type":"sum","column":"costInUSD"},{"type":"avg","column":"timeToFirstTokenMs"}],
             "filters":[{"fieldName":"virtualModelName","operator":"IS_NULL","value":true}]}
            """)),
    ];

    private static QueryMetricsRequest Parse(string json) => Parser.Parse<QueryMetricsRequest>(json);
}
