using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>A temporary SQLite store holding the differential data set.</summary>
public sealed class SqliteDifferentialFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-differential-").FullName;

    public SqliteDifferentialFixture() => Store = new SqliteInferenceStore(new SqliteStoreOptions { DataDirectory = _directory });

    public SqliteInferenceStore Store { get; }

    public Task InitializeAsync() => DifferentialDataSet.Instance.WriteToAsync(Store);

    public Task DisposeAsync()
    {
        Store.Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
