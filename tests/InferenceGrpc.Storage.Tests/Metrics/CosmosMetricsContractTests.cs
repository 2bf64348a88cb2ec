using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>The metrics contract on Cosmos DB, through the SDK and the test server.</summary>
public sealed class CosmosMetricsContractTests(CosmosServerFixture fixture) : MetricsStoreContractTests, IClassFixture<CosmosServerFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override IMetricsStore Metrics => new CosmosMetricsStore(fixture.Store);
}
