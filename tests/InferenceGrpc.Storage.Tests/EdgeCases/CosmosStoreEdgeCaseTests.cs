namespace InferenceGrpc.Storage.Tests.EdgeCases;

/// <summary>The edge cases on Cosmos DB, through the SDK and the test server.</summary>
public sealed class CosmosStoreEdgeCaseTests(CosmosServerFixture fixture) : StoreEdgeCaseTests, IClassFixture<CosmosServerFixture>
{
    protected override IInferenceStore Store => fixture.Store;
}
