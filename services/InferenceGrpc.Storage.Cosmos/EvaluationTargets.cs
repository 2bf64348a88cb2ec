namespace InferenceGrpc.Storage.Cosmos;

/// <summary>What a set of inference evaluations points at: inferences, or whole sessions.</summary>
internal sealed record EvaluationTargets(IReadOnlyList<string> InferenceIds, IReadOnlyList<string> SessionIds)
{
    public static readonly EvaluationTargets None = new([], []);
}
