using InferenceGrpc.Storage.Metrics;
using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>The metrics contract on the embedded SQLite store.</summary>
public sealed class SqliteMetricsContractTests(SqliteStoreFixture fixture) : MetricsStoreContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override IMetricsStore Metrics { get; } = new SqliteMetricsStore(fixture.Store);
}
