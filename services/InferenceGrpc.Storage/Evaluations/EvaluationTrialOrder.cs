using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Evaluations;

/// <summary>
/// Trial start order: by start time at full (nanosecond) precision, a trial without one first
/// (as at the epoch), ties broken by id in ordinal order so the order is total and the same on
/// every backend. Weave sorts its predict_and_score calls by started_at the same way.
/// </summary>
public sealed class EvaluationTrialOrder : IComparer<EvaluationTrial>
{
    public static readonly EvaluationTrialOrder Instance = new();

    private EvaluationTrialOrder()
    {
    }

    public int Compare(EvaluationTrial? x, EvaluationTrial? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return StartOrder.Compare(x.StartTime, x.Id, y.StartTime, y.Id);
    }
}
