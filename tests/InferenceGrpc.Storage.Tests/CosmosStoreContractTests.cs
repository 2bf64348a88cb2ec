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

    [Fact]
    public async Task RequestUnits_AreCountedUnderTheStoreOperation()
    {
        using var charges = new MeasurementRecorder("inferencegrpc.cosmos.request_units", "function_exists");

        await new MeasuredInferenceStore(Store).FunctionExistsAsync(TenantId.Parse("nobody"), "f", default);

        Assert.True(charges.Total > 0, "No request units were counted under function_exists.");
    }
}
