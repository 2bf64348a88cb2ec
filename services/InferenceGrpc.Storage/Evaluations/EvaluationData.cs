using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Evaluations;

/// <summary>What <see cref="IEvaluationStore.ReadAsync"/> found: runs by id, trials in start order.</summary>
public sealed record EvaluationData(IReadOnlyDictionary<string, EvaluationRun> Runs, IReadOnlyList<EvaluationTrial> Trials)
{
    /// <summary>Sorts the trials and indexes the runs; what every backend returns in the end.</summary>
    public static EvaluationData From(IEnumerable<EvaluationRun> runs, IEnumerable<EvaluationTrial> trials)
    {
        var sorted = trials.ToList();
        sorted.Sort(EvaluationTrialOrder.Instance);
        return new EvaluationData(runs.ToDictionary(r => r.Id, StringComparer.Ordinal), sorted);
    }
}
