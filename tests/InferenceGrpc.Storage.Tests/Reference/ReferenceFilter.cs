using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage.Tests.Reference;

/// <summary>
/// The filter tree, evaluated literally as api-compat-spec 1.5.1-1.5.2 writes it: a metric leaf
/// is unknown (null) without feedback; <c>and</c>/<c>or</c> read each child as
/// <c>COALESCE(child, false)</c>; <c>not</c> is <c>NOT COALESCE(child, true)</c>; tags,
/// time and demonstrations are two-valued.
/// </summary>
internal static class ReferenceFilter
{
    public static bool? Evaluate(FilterNode node, Inference inference, ReferenceData data) => node switch
    {
        AndNode and => and.Children.All(c => Evaluate(c, inference, data) ?? false),
        OrNode or => or.Children.Any(c => Evaluate(c, inference, data) ?? false),
        NotNode not => !(Evaluate(not.Child, inference, data) ?? true),
        FloatMetricNode metric => Metric(metric.Metric, inference, data) is { } value ? Holds(value.CompareTo(metric.Value), metric.Operator) : null,
        BooleanMetricNode metric => Metric(metric.Metric, inference, data) is { } value ? value == (metric.Value ? 1.0 : 0.0) : null,
        TagNode tag => inference.Tags.TryGetValue(tag.Key, out var value) && Holds(string.CompareOrdinal(value, tag.Value), tag.Operator),
        TimeNode time => Holds(((decimal)WholeSeconds(inference)).CompareTo(FractionalSeconds(time.Time)), time.Operator),
        DemonstrationNode demonstration => data.HasDemonstration(Guid.Parse(inference.Id)) == demonstration.HasDemonstration,
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown filter node."),
    };

    /// <summary>The latest value on the inference, or on its episode for episode-level metrics; an inference without an episode has none.</summary>
    public static double? Metric(MetricRef metric, Inference inference, ReferenceData data)
    {
        if (metric.Level == FeedbackLevel.Episode)
        {
            return inference.EpisodeId.Length == 0 ? null : data.LatestMetric(metric.Name, Guid.Parse(inference.EpisodeId));
        }

        return data.LatestMetric(metric.Name, Guid.Parse(inference.Id));
    }

    /// <summary>The stored millisecond time truncated to whole seconds, as TensorZero's timestamp column holds it.</summary>
    public static long WholeSeconds(Inference inference) => CreatedMilliseconds(inference) / 1000;

    public static long CreatedMilliseconds(Inference inference) => inference.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds();

    /// <summary>An instant in exact fractional seconds (decimal holds every tick), never rounded.</summary>
    public static decimal FractionalSeconds(DateTimeOffset instant) =>
        (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (decimal)TimeSpan.TicksPerSecond;

    private static bool Holds(int compared, Comparison op) => op switch
    {
        Comparison.LessThan => compared < 0,
        Comparison.LessThanOrEqual => compared <= 0,
        Comparison.Equal => compared == 0,
        Comparison.GreaterThan => compared > 0,
        Comparison.GreaterThanOrEqual => compared >= 0,
        Comparison.NotEqual => compared != 0,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
