using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Evaluations;

/// <summary>
/// Reads evaluation runs and their trials (Weave evaluations). A capability of its own, beside
/// <see cref="IInferenceStore"/>, implemented per backend and held to one contract suite: the
/// same call returns the same runs and the same trials in the same order on every backend.
/// </summary>
public interface IEvaluationStore
{
    /// <summary>
    /// The runs among <paramref name="runIds"/> that are stored (unknown ids are skipped, each
    /// run once), and every trial whose run id is one of them, whether or not the run itself
    /// is stored, in <see cref="EvaluationTrialOrder"/>.
    /// </summary>
    Task<EvaluationData> ReadAsync(TenantId tenant, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken);

    /// <summary>Every run of the tenant, in <see cref="EvaluationRunOrder"/> (newest first).</summary>
    Task<IReadOnlyList<EvaluationRun>> ListRunsAsync(TenantId tenant, CancellationToken cancellationToken);
}
