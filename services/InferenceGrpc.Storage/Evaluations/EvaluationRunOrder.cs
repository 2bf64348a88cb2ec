using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Evaluations;

/// <summary>
/// Newest run first: the later start time at full (nanosecond) precision, a run without one
/// last (as at the epoch), ties broken by the larger id in ordinal order, so the order is total
/// and the same on every backend.
/// </summary>
public sealed class EvaluationRunOrder : IComparer<EvaluationRun>
{
    public static readonly EvaluationRunOrder NewestFirst = new();

    private EvaluationRunOrder()
    {
    }

    public int Compare(EvaluationRun? x, EvaluationRun? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return StartOrder.Compare(y.StartTime, y.Id, x.StartTime, x.Id);
    }
}
