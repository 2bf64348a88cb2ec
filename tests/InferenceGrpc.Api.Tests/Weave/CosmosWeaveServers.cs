namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>The Weave tests that run on Cosmos DB too share one host over the Cosmos test server.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosWeaveServers : ICollectionFixture<WeaveCosmosServer>
{
    public const string Name = "weave cosmos";
}
