namespace InferenceGrpc.Storage.Tests.EdgeCases;

/// <summary>The edge cases on the embedded SQLite store.</summary>
public sealed class SqliteStoreEdgeCaseTests(SqliteStoreFixture fixture) : StoreEdgeCaseTests, IClassFixture<SqliteStoreFixture>
{
    protected override IInferenceStore Store => fixture.Store;
}
