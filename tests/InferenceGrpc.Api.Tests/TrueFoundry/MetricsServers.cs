using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.TrueFoundry;

/// <summary>The host over SQLite, seeded with <see cref="MetricsDataSet"/>.</summary>
public class MetricsServer : ApiServer
{
    public Task<RestReply> QueryAsync(string body) => PostAsync("/api/svc/v1/llm-gateway/metrics/query", body);

    protected override IEnumerable<Record> SeedRecords() => MetricsDataSet.Records();
}

/// <summary>The host over Cosmos DB (the test server), seeded with <see cref="MetricsDataSet"/>.</summary>
public sealed class CosmosMetricsServer : MetricsServer
{
    private CosmosTestServer? _cosmos;

    protected override async Task<string[]> StoreArgumentsAsync(string dataDirectory)
    {
        _cosmos = await CosmosTestServer.StartAsync();
        return [$"--Storage:Cosmos:Endpoint={_cosmos.Endpoint}", $"--Storage:Cosmos:Key={CosmosTestServer.Key}", "--Storage:Cosmos:GatewayModeOnly=true"];
    }

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_cosmos is not null)
        {
            await _cosmos.DisposeAsync();
        }
    }
}
