using InferenceGrpc.Api.Queries;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Benchmarks;

/// <summary>
/// Each representative query end to end over gRPC, next to its floor: the same query description
/// run in this process directly on the same SQLite file. Runs alternate, so both see the same
/// machine load.
/// </summary>
internal sealed class QueryBenchmark(GrpcChannel channel, SqliteInferenceStore directStore, PairedTimer timer)
{
    private static readonly Method<ListInferencesRequest, ListInferencesResponse> List = new(InferenceQueryServiceReflection.Descriptor.Services[0], "ListInferences");
    private static readonly TenantId Tenant = TenantId.Parse("default");

    public async Task RunAsync(ResultTable table)
    {
        var factory = new InferenceQueryFactory(directStore, Options.Create(new QueryLimits()));
        foreach (var (name, selection) in QueryScenarios.All)
        {
            var request = new ListInferencesRequest { Selection = selection, Limit = 20 };
            var query = await factory.CreateAsync(Tenant, selection, new Paging(20, null, null, null), default);
            var (service, floor) = await timer.MeasureAsync(
                () => channel.UnaryAsync(List, request),
                () => directStore.QueryInferencesAsync(Tenant, query, default));
            var ratio = service.Median / floor.Median;
            table.Add($"list: {name}", "latency p50", service.Median, service.Min, service.Max, "ms", $"{ratio:N2}x floor ({floor.Median:N2} ms)");
            table.Add($"list: {name}", "latency p99", service.P99, service.Min, service.Max, "ms");
        }
    }
}
