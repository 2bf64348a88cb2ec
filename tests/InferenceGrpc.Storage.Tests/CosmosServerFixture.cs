using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Testing;

namespace InferenceGrpc.Storage.Tests;

/// <summary>
/// A <see cref="CosmosInferenceStore"/> on a <see cref="CosmosTestServer"/> that lives as long as
/// the fixture.
/// </summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    private CosmosTestServer? _server;
    private CosmosInferenceStore? _store;

    public CosmosInferenceStore Store => _store ?? throw new InvalidOperationException("The Cosmos test server has not started.");

    public async Task InitializeAsync()
    {
        _server = await CosmosTestServer.StartAsync();
        _store = new CosmosInferenceStore(new CosmosStoreOptions
        {
            Endpoint = _server.Endpoint,
            Key = CosmosTestServer.Key,
            Database = "contract-tests",
            GatewayModeOnly = true,
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _store.CheckHealthAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
