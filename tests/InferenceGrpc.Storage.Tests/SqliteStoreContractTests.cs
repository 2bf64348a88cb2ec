using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Storage.Tests;

/// <summary>The store contract on the embedded SQLite store, one database file shared by the class.</summary>
public sealed class SqliteStoreContractTests(SqliteStoreFixture fixture) : StoreContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override string ScanWorkInstrument => "inferencegrpc.sqlite.vm_steps";
}

public sealed class SqliteStoreFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-sqlite-").FullName;

    public SqliteStoreFixture() => Store = new SqliteInferenceStore(new SqliteStoreOptions { DataDirectory = _directory });

    public SqliteInferenceStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
