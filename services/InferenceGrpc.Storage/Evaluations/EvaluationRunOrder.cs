using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Evaluations;

/// <summary>
/// Newest run first: <see cref="EvaluationTrialOrder"/>'s start order reversed, so the later start
/// time at full precision comes first, a run without one as if it started at the Unix epoch (so
/// after every later run), ties by the larger id.
/// </summary>
public static class EvaluationRunOrder
{
    public static readonly IComparer<EvaluationRun> NewestFirst =
        Comparer<EvaluationRun>.Create((x, y) => StartOrder.Compare(y.StartTime, y.Id, x.StartTime, x.Id));
}
