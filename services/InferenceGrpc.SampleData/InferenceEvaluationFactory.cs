using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Builds Galtea-like metric evaluations of an inference or a whole session. Most are scored;
/// some are still pending, waiting for a human, skipped or failed, and carry no score.
/// </summary>
internal sealed class InferenceEvaluationFactory(Random random, SeededUuid7Factory ids)
{
    private static readonly InferenceEvaluationStatus[] Statuses =
    [
        InferenceEvaluationStatus.Success, InferenceEvaluationStatus.Pending, InferenceEvaluationStatus.PendingHuman,
        InferenceEvaluationStatus.Skipped, InferenceEvaluationStatus.Failed,
    ];

    private static readonly WeightedPicker StatusPicker = new([0.85, 0.04, 0.04, 0.04, 0.03]);

    public InferenceEvaluation Create(ScheduledEvent due)
    {
        var evaluation = new InferenceEvaluation
        {
            Id = ids.Next(due.TimeMs).ToString("D"),
            Status = Statuses[StatusPicker.Pick(random)],
            CreateTime = InferenceFactory.ToTimestamp(due.TimeMs),
        };

        if (due.Kind == ScheduledEventKind.SessionEvaluation)
        {
            evaluation.SessionId = Episode.SessionIdOf(due.TargetId);
            evaluation.MetricId = MetricCatalog.SessionEvaluationMetric;
        }
        else
        {
            evaluation.InferenceId = due.TargetId.ToString("D");
            evaluation.MetricId = MetricCatalog.InferenceEvaluationMetrics[due.Detail];
        }

        if (evaluation.Status == InferenceEvaluationStatus.Success)
        {
            evaluation.Score = due.Value;
        }

        return evaluation;
    }
}
