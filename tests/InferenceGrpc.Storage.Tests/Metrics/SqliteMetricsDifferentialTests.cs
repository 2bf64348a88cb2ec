using InferenceGrpc.Storage.Metrics;
using InferenceGrpc.Storage.Sqlite;
using Xunit.Abstractions;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>The metrics differential test on SQLite.</summary>
public sealed class SqliteMetricsDifferentialTests(SqliteStoreFixture fixture, ITestOutputHelper output) : MetricsDifferentialTests(output), IClassFixture<SqliteStoreFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override IMetricsStore Metrics { get; } = new SqliteMetricsStore(fixture.Store);

    protected override int QueryCount => 1000;
}
