namespace InferenceGrpc.Storage.Sqlite;

/// <summary>SQL text and its parameters, in the order they were bound; values are never in the text.</summary>
internal sealed record CompiledQuery(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters, bool ReverseResults);
