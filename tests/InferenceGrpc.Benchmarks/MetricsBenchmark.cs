using InferenceGrpc.Api.TrueFoundry;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Benchmarks;

/// <summary>
/// Each metrics scenario end to end over gRPC, next to its floor: the same store query run in
/// this process on the same SQLite file. Runs alternate, so both see the same machine load.
/// </summary>
internal sealed class MetricsBenchmark(GrpcChannel channel, IMetricsStore directStore, PairedTimer timer)
{
    private static readonly Method<QueryMetricsRequest, QueryMetricsResponse> Query = new(GatewayMetricsServiceReflection.Descriptor.Services[0], "QueryMetrics");
    private static readonly TenantId Tenant = TenantId.Parse("default");

    public async Task RunAsync(ResultTable table)
    {
        foreach (var (name, request) in MetricsScenarios.All)
        {
            var query = MetricsRequestReader.Read(request).Query;
            var points = 0;
            var (service, floor) = await timer.MeasureAsync(
                async () => points = (await channel.UnaryAsync(Query, request)).DataPoints.Count,
                () => directStore.QueryMetricsAsync(Tenant, query, default));

            table.Add($"metrics: {name}", "latency p50", service.Median, service.Min, service.Max, "ms", $"{service.Median / floor.Median:N2}x floor ({floor.Median:N0} ms), {points:N0} data points");
        }
    }
}
