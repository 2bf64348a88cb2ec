using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Storage.Keys;

namespace InferenceGrpc.Storage.Tests.Keys;

public sealed class CosmosApiKeyStoreContractTests(CosmosServerFixture fixture) : ApiKeyStoreContractTests, IClassFixture<CosmosServerFixture>
{
    protected override IApiKeyStore Keys { get; } = new CosmosApiKeyStore(fixture.Store);
}
