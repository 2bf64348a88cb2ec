namespace InferenceGrpc.Storage.Query;

/// <summary>A page of query results, with the total when it was asked for.</summary>
public sealed record InferencePage(IReadOnlyList<InferenceResult> Items, long? TotalCount);
