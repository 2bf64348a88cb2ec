namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>The golden eval_results queries against the host over Cosmos DB (the test server).</summary>
[Collection(CosmosWeaveServers.Name)]
public sealed class CosmosEvalResultsGoldenTests(WeaveCosmosServer server) : EvalResultsGoldenTests(server);
