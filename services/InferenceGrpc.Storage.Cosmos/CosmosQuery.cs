using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// A compiled query. When <see cref="SortInMemory"/> is set, the query selects sort keys only
/// and the store orders and pages them itself (Cosmos cannot ORDER BY a computed value).
/// </summary>
internal sealed record CosmosQuery(QueryDefinition Definition, bool SortInMemory, bool ReverseResults);
