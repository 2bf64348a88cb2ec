using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>
/// The host on Cosmos DB (the real SDK against <see cref="CosmosTestServer"/>), chosen by
/// configuration as in production, seeded with <see cref="GalteaDataSet"/>.
/// </summary>
public sealed class GalteaCosmosServer : ApiServer
{
    private CosmosTestServer? _cosmos;

    protected override IEnumerable<Record> SeedRecords() => GalteaDataSet.Records();

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
