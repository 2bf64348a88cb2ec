using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Storage.Metrics;
using Xunit.Abstractions;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>The metrics differential test on Cosmos DB (each query is a few full scans of the test server).</summary>
public sealed class CosmosMetricsDifferentialTests(CosmosServerFixture fixture, ITestOutputHelper output) : MetricsDifferentialTests(output), IClassFixture<CosmosServerFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override IMetricsStore Metrics => new CosmosMetricsStore(fixture.Store);

    protected override int QueryCount => 200;
}
