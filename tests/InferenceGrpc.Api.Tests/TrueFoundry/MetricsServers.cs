using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.TrueFoundry;

/// <summary>The host over SQLite, seeded with <see cref="MetricsDataSet"/>.</summary>
public class MetricsServer : ApiServer
{
    public Task<RestReply> QueryAsync(string body) => PostAsync("/api/svc/v1/llm-gateway/metrics/query", body);

    protected override IEnumerable<Record> Records() => MetricsDataSet.Records();
}

/// <summary>The host over Cosmos DB (the test server), seeded with <see cref="MetricsDataSet"/>.</summary>
public sealed class CosmosMetricsServer : MetricsServer
{
    private CosmosTestServer? _cosmos;

    protected override async Task<string[]> StoreArgumentsAsync(string directory)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _cosmos = await CosmosTestServer.StartAsync(timeout.Token);
        return [$"--Storage:Cosmos:Endpoint={_cosmos.Endpoint}", $"--Storage:Cosmos:Key={CosmosTestServer.EmulatorKey}", "--Storage:Cosmos:GatewayModeOnly=true"];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_cosmos is not null)
        {
            await _cosmos.DisposeAsync();
        }
    }
}
