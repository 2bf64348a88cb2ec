using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Tests.Reference;

/// <summary>
/// Everything written to one tenant, as the spec sees it: the current version of each record
/// by id (writing a record again replaces it) and the latest feedback per (metric, target) and
/// per demonstrated inference. Deliberately plain dictionaries and LINQ, so it shares no logic
/// with the stores it checks.
/// </summary>
internal sealed class ReferenceData
{
    private readonly Dictionary<Guid, Inference> _inferences = [];
    private readonly Dictionary<Guid, Feedback> _feedback = [];
    private readonly Dictionary<string, InferenceEvaluation> _evaluations = new(StringComparer.Ordinal);
    private Dictionary<(string Metric, Guid Target), double>? _latestMetrics;
    private HashSet<Guid>? _demonstrated;

    public IReadOnlyCollection<Inference> Inferences => _inferences.Values;

    public IReadOnlyCollection<InferenceEvaluation> Evaluations => _evaluations.Values;

    /// <summary>Applies a validated batch, in the order a store applies it.</summary>
    public void Apply(RecordBatch batch)
    {
        foreach (var inference in batch.Inferences)
        {
            _inferences[Guid.Parse(inference.Id)] = inference;
        }

        foreach (var feedback in batch.Feedback)
        {
            _feedback[Guid.Parse(feedback.Id)] = feedback;
        }

        foreach (var evaluation in batch.InferenceEvaluations)
        {
            _evaluations[evaluation.Id] = evaluation;
        }

        _latestMetrics = null;
        _demonstrated = null;
    }

    /// <summary>The latest value of a metric on a target (booleans as 1 and 0), or null without feedback.</summary>
    public double? LatestMetric(string metric, Guid target)
    {
        _latestMetrics ??= _feedback.Values
            .Where(f => f.ValueCase is Feedback.ValueOneofCase.FloatValue or Feedback.ValueOneofCase.BooleanValue)
            .GroupBy(f => (f.MetricName, Guid.Parse(f.TargetId)))
            .ToDictionary(g => g.Key, g => MetricValue(Latest(g)));
        return _latestMetrics.TryGetValue((metric, target), out var value) ? value : null;
    }

    public bool HasDemonstration(Guid inference)
    {
        _demonstrated ??= _feedback.Values
            .Where(f => f.ValueCase == Feedback.ValueOneofCase.Demonstration)
            .Select(f => Guid.Parse(f.TargetId))
            .ToHashSet();
        return _demonstrated.Contains(inference);
    }

    /// <summary>The newest feedback: latest create_time in whole milliseconds, ties broken by the larger id (UUIDv7 byte order).</summary>
    private static Feedback Latest(IEnumerable<Feedback> feedback) =>
        feedback.Aggregate((best, next) =>
        {
            var byTime = Milliseconds(next).CompareTo(Milliseconds(best));
            return byTime > 0 || (byTime == 0 && Uuid7.Compare(Guid.Parse(next.Id), Guid.Parse(best.Id)) > 0) ? next : best;
        });

    private static long Milliseconds(Feedback feedback) => feedback.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds();

    private static double MetricValue(Feedback feedback) =>
        feedback.ValueCase == Feedback.ValueOneofCase.FloatValue ? feedback.FloatValue : (feedback.BooleanValue ? 1.0 : 0.0);
}
