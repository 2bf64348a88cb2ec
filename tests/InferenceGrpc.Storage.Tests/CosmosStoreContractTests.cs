using InferenceGrpc.Storage.Cosmos;

namespace InferenceGrpc.Storage.Tests;

/// <summary>
/// The store contract on Cosmos DB: the real Microsoft.Azure.Cosmos SDK against the test server
/// started by <see cref="CosmosServerFixture"/>.
/// </summary>
public sealed class CosmosStoreContractTests(CosmosServerFixture fixture) : StoreContractTests, IClassFixture<CosmosServerFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override string ScanWorkInstrument => "inferencegrpc.cosmos.retrieved_documents";
}
