namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>The Galtea REST golden tests on Cosmos DB: the same answers, byte for byte.</summary>
public sealed class CosmosGalteaRestTests(GalteaCosmosServer server) : GalteaRestTests(server), IClassFixture<GalteaCosmosServer>;
