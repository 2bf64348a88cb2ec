namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>The golden eval_results queries against the host over SQLite.</summary>
[Collection(SqliteWeaveServers.Name)]
public sealed class SqliteEvalResultsGoldenTests(WeaveServer server) : EvalResultsGoldenTests(server);
