using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage;

/// <summary>
/// A write, split by kind and already validated and normalized by <see cref="RecordValidator"/>:
/// every id present, every time set. Stores write it without checking again.
/// </summary>
public sealed class RecordBatch
{
    public List<MetricDefinition> MetricDefinitions { get; } = [];

    public List<Inference> Inferences { get; } = [];

    public List<Feedback> Feedback { get; } = [];

    public List<EvaluationRun> EvaluationRuns { get; } = [];

    public List<EvaluationTrial> EvaluationTrials { get; } = [];

    public List<InferenceEvaluation> InferenceEvaluations { get; } = [];

    public int Count => MetricDefinitions.Count + Inferences.Count + Feedback.Count + EvaluationRuns.Count + EvaluationTrials.Count + InferenceEvaluations.Count;
}
