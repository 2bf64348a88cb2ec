namespace InferenceGrpc.Storage;

/// <summary>
/// The store operation running on this async flow, set by <see cref="MeasuredInferenceStore"/>
/// and the metrics stores, so what a backend measures itself (documents Cosmos DB retrieved, SQLite VM steps) carries the
/// same <c>operation</c> tag as the store's timings.
/// </summary>
public static class StoreOperation
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The <c>operation</c> tag: "other" outside a named operation (the key and evaluation facets).</summary>
    public static KeyValuePair<string, object?> Tag => new("operation", Current.Value ?? "other");

    /// <summary>Names the operation for the rest of the calling async method and what it awaits.</summary>
    public static void Enter(string operation) => Current.Value = operation;
}
