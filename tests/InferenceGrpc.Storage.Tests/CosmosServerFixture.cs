using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Testing;

namespace InferenceGrpc.Storage.Tests;

/// <summary>
/// Starts the Cosmos test server (<see cref="CosmosTestServer"/>) and points a
/// <see cref="CosmosInferenceStore"/> at it, for as long as the fixture lives.
/// </summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    private CosmosTestServer? _server;
    private CosmosInferenceStore? _store;

    public CosmosInferenceStore Store => _store ?? throw new InvalidOperationException("The Cosmos test server has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _server = await CosmosTestServer.StartAsync(timeout.Token);
        _store = new CosmosInferenceStore(new CosmosStoreOptions
        {
            Endpoint = _server.Endpoint,
            Key = CosmosTestServer.EmulatorKey,
            Database = "contract-tests",
            GatewayModeOnly = true,
        });
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
