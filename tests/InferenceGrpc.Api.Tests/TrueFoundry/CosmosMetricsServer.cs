namespace InferenceGrpc.Api.Tests.TrueFoundry;

/// <summary>The host over Cosmos DB (the test server), seeded with <see cref="MetricsDataSet"/>.</summary>
public sealed class CosmosMetricsServer : MetricsServer
{
    protected override bool OnCosmos => true;
}
