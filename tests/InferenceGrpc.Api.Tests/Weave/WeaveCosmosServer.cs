namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>The host over Cosmos DB (the test server), seeded with <see cref="WeaveDataSet"/>.</summary>
public sealed class WeaveCosmosServer : WeaveServer
{
    protected override bool OnCosmos => true;
}
