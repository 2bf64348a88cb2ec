using InferenceGrpc.Testing;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>The host over Cosmos DB (the test server), seeded with <see cref="WeaveDataSet"/>.</summary>
public sealed class WeaveCosmosServer : WeaveServer
{
    private CosmosTestServer? _cosmos;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_cosmos is not null)
        {
            await _cosmos.DisposeAsync();
        }
    }

    protected override async Task<string[]> StoreArgumentsAsync(string directory)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _cosmos = await CosmosTestServer.StartAsync(timeout.Token);
        return
        [
            $"--Storage:Cosmos:Endpoint={_cosmos.Endpoint}",
            $"--Storage:Cosmos:Key={CosmosTestServer.Key}",
            "--Storage:Cosmos:Database=weave-api-tests",
            "--Storage:Cosmos:GatewayModeOnly=true",
        ];
    }
}
