namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// A Cosmos test server of its own holding the differential data set, and a SQLite store with
/// the same data, so a Cosmos mismatch is printed beside both other answers.
/// </summary>
public sealed class CosmosDifferentialFixture : IAsyncLifetime
{
    private readonly CosmosServerFixture _server = new();

    public SqliteDifferentialFixture Sqlite { get; } = new();

    public IInferenceStore Cosmos => _server.Store;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        await Sqlite.InitializeAsync();
        await DifferentialDataSet.Instance.WriteToAsync(_server.Store);
    }

    public async Task DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        await _server.DisposeAsync();
    }
}
