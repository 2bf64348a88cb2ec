using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// The modelMetrics datasource's names (api-compat-spec 4.2-4.4): filterable fields with their
/// per-field operator allow-lists, group-by dimensions with their response keys, and
/// aggregation columns. Names are case-sensitive, as TrueFoundry documents them.
/// </summary>
internal static class MetricsCatalog
{
    public const string Datasource = "modelMetrics";

    private static readonly IReadOnlySet<string> TextOperators = new HashSet<string>(StringComparer.Ordinal)
    {
        "EQUAL", "NOT_EQUAL", "IN", "NOT_IN", "STRING_CONTAINS", "STRING_NOT_CONTAINS", "STRING_STARTS_WITH",
        "STRING_NOT_STARTS_WITH", "STRING_ENDS_WITH", "STRING_NOT_ENDS_WITH", "GREATER_THAN", "LESS_THAN",
        "GREATER_THAN_EQUAL", "LESS_THAN_EQUAL", "BETWEEN", "IS_NULL",
    };

    private static readonly IReadOnlySet<string> NumberOperators = new HashSet<string>(StringComparer.Ordinal)
    {
        "EQUAL", "GREATER_THAN", "LESS_THAN", "GREATER_THAN_EQUAL", "LESS_THAN_EQUAL", "BETWEEN", "IN", "NOT_IN", "IS_NULL",
    };

    // Enum-like ids take only exact matches [unverified: the docs name a narrower set for them].
    private static readonly IReadOnlySet<string> IdOperators = new HashSet<string>(StringComparer.Ordinal) { "EQUAL", "NOT_EQUAL", "IN", "NOT_IN" };

    private static readonly IReadOnlySet<string> TraceOperators = new HashSet<string>(StringComparer.Ordinal) { "EQUAL", "NOT_EQUAL", "IN", "NOT_IN", "IS_NULL" };

    private static readonly IReadOnlySet<string> TeamOperators = new HashSet<string>(StringComparer.Ordinal) { "ARRAY_HAS_ANY", "ARRAY_HAS_NONE" };

    /// <summary>filters[].fieldName. userEmail and virtualAccount are the subject slug of that subject type.</summary>
    public static readonly IReadOnlyDictionary<string, FilterableField> Filters = new Dictionary<string, FilterableField>(StringComparer.Ordinal)
    {
        ["modelName"] = Text(MetricsField.ModelName),
        ["virtualModelName"] = Text(MetricsField.VirtualModelName),
        ["requestType"] = Text(MetricsField.RequestType),
        ["conversationID"] = Text(MetricsField.SessionId),
        ["userEmail"] = new(new SubjectOperand("user"), FilterValueKind.Text, TextOperators),
        ["virtualAccount"] = new(new SubjectOperand("virtualaccount"), FilterValueKind.Text, TextOperators),
        ["createdBySubjectType"] = new(new FieldOperand(MetricsField.SubjectType), FilterValueKind.Text, IdOperators),
        ["traceId"] = new(new FieldOperand(MetricsField.TraceId), FilterValueKind.Text, TraceOperators),
        ["team"] = new(null, FilterValueKind.Teams, TeamOperators),
        ["latencyMs"] = Number(MetricsField.LatencyMs),
        ["inputTokens"] = Number(MetricsField.InputTokens),
        ["outputTokens"] = Number(MetricsField.OutputTokens),
    };

    /// <summary>filters[].metadataKey: a tag, compared as text [unverified beyond IN].</summary>
    public static FilterableField Metadata(string key) => new(new TagOperand(key), FilterValueKind.Text, TextOperators);

    /// <summary>groupBy entries and the response key each comes out as.</summary>
    public static readonly IReadOnlyDictionary<string, (MetricsDimension Dimension, string Key)> GroupBy = new Dictionary<string, (MetricsDimension, string)>(StringComparer.Ordinal)
    {
        ["modelName"] = (MetricsDimension.ModelName, "modelName"),
        ["virtualModel"] = (MetricsDimension.VirtualModelName, "virtualModelName"),
        ["virtualModelName"] = (MetricsDimension.VirtualModelName, "virtualModelName"),
        ["requestType"] = (MetricsDimension.RequestType, "requestType"),
        ["userEmail"] = (MetricsDimension.SubjectSlug, "createdBySubjectSlug"),
        ["virtualAccount"] = (MetricsDimension.SubjectSlug, "createdBySubjectSlug"),
        ["virtualaccount"] = (MetricsDimension.SubjectSlug, "createdBySubjectSlug"),
        ["createdBySubjectType"] = (MetricsDimension.SubjectType, "createdBySubjectType"),
        ["team"] = (MetricsDimension.Team, "team"),
    };

    /// <summary>aggregations[].column.</summary>
    public static readonly IReadOnlyDictionary<string, MetricsField> AggregationColumns = new Dictionary<string, MetricsField>(StringComparer.Ordinal)
    {
        ["modelName"] = MetricsField.ModelName,
        ["virtualModel"] = MetricsField.VirtualModelName,
        ["inputTokens"] = MetricsField.InputTokens,
        ["outputTokens"] = MetricsField.OutputTokens,
        ["latencyMs"] = MetricsField.LatencyMs,
        ["costInUSD"] = MetricsField.CostUsd,
        ["timeToFirstTokenMs"] = MetricsField.TtftMs,
        ["interTokenLatencyMs"] = MetricsField.InterTokenLatencyMs,
        ["timePerOutputTokenLatencyMs"] = MetricsField.TimePerOutputTokenMs,
    };

    /// <summary>aggregations[].type; the fraction only for percentiles.</summary>
    public static readonly IReadOnlyDictionary<string, (MetricsAggregate Aggregate, double Fraction)> AggregationTypes = new Dictionary<string, (MetricsAggregate, double)>(StringComparer.Ordinal)
    {
        ["count"] = (MetricsAggregate.Count, 0),
        ["countDistinct"] = (MetricsAggregate.CountDistinct, 0),
        ["sum"] = (MetricsAggregate.Sum, 0),
        ["avg"] = (MetricsAggregate.Avg, 0),
        ["min"] = (MetricsAggregate.Min, 0),
        ["max"] = (MetricsAggregate.Max, 0),
        ["p50"] = (MetricsAggregate.Percentile, 0.50),
        ["p75"] = (MetricsAggregate.Percentile, 0.75),
        ["p90"] = (MetricsAggregate.Percentile, 0.90),
        ["p95"] = (MetricsAggregate.Percentile, 0.95),
        ["p99"] = (MetricsAggregate.Percentile, 0.99),
    };

    private static FilterableField Text(MetricsField field) => new(new FieldOperand(field), FilterValueKind.Text, TextOperators);

    private static FilterableField Number(MetricsField field) => new(new FieldOperand(field), FilterValueKind.Number, NumberOperators);
}
