namespace InferenceGrpc.Storage;

/// <summary>A query the store refuses to run because it would cost more than its configured limit.</summary>
public sealed class StoreLimitException(string message) : Exception(message);
