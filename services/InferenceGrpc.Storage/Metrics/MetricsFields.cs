namespace InferenceGrpc.Storage.Metrics;

/// <summary>What every store needs to know about a field: whether it holds numbers or text.</summary>
public static class MetricsFields
{
    public static bool IsNumeric(MetricsField field) => field is MetricsField.LatencyMs or MetricsField.TtftMs or MetricsField.InterTokenLatencyMs
        or MetricsField.TimePerOutputTokenMs or MetricsField.InputTokens or MetricsField.OutputTokens or MetricsField.CostUsd;

    /// <summary>The column a group-by dimension reads (teams are not a scalar column).</summary>
    public static MetricsField Of(MetricsDimension dimension) => dimension switch
    {
        MetricsDimension.ModelName => MetricsField.ModelName,
        MetricsDimension.VirtualModelName => MetricsField.VirtualModelName,
        MetricsDimension.RequestType => MetricsField.RequestType,
        MetricsDimension.SubjectSlug => MetricsField.SubjectSlug,
        MetricsDimension.SubjectType => MetricsField.SubjectType,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Teams are not a scalar column."),
    };
}
