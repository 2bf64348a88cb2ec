using Google.Protobuf;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage;

/// <summary>
/// What substring search looks in: the input and output as JSON, lower-cased once at write time
/// (invariant culture, so every store and the reference evaluator agree on case folding).
/// </summary>
public static class SearchText
{
    public static string Of(Inference inference) =>
        ((inference.Input is null ? string.Empty : JsonFormatter.Default.Format(inference.Input)) + "\n"
        + (inference.Output is null ? string.Empty : JsonFormatter.Default.Format(inference.Output))).ToLowerInvariant();

    /// <summary>The form a search term is compared in.</summary>
    public static string Normalize(string term) => term.ToLowerInvariant();
}
