using System.Globalization;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// A query as one readable line (records print nested lists as type names), with ids shown by
/// their data-set aliases, so a mismatch report can be read and replayed by hand.
/// </summary>
internal static class QueryFormatter
{
    public static string Format(InferenceQuery query, Func<Guid, string> alias)
    {
        var parts = new List<string>();
        Add(parts, "function", query.FunctionName);
        Add(parts, "variant", query.VariantName);
        Add(parts, "episode", query.EpisodeId is { } episode ? alias(episode) : null);
        Add(parts, "ids", query.Ids is null ? null : List(query.Ids.Select(alias)));
        Add(parts, "externalIds", query.ExternalIds is null ? null : List(query.ExternalIds));
        Add(parts, "sessionIds", query.SessionIds is null ? null : List(query.SessionIds));
        Add(parts, "evaluationIds", query.EvaluationIds is null ? null : List(query.EvaluationIds));
        Add(parts, "createdFrom", query.CreatedFrom is { } from ? Instant(from) : null);
        Add(parts, "createdTo", query.CreatedTo is { } to ? Instant(to) : null);
        Add(parts, "search", query.Search is null ? null : Quote(query.Search));
        Add(parts, "filter", query.Filter is null ? null : Filter(query.Filter));
        Add(parts, "orderBy", query.OrderBy.Count == 0 ? null : List(query.OrderBy.Select(Order)));
        Add(parts, "before", query.Before is { } before ? alias(before) + " " + Uuid7.Format(before) : null);
        Add(parts, "after", query.After is { } after ? alias(after) + " " + Uuid7.Format(after) : null);
        Add(parts, "offset", query.Offset == 0 ? null : query.Offset.ToString(CultureInfo.InvariantCulture));
        Add(parts, "limit", query.Limit.ToString(CultureInfo.InvariantCulture));
        Add(parts, "outputSource", query.OutputSource == OutputSource.Inference ? null : query.OutputSource.ToString());
        Add(parts, "includeTotalCount", query.IncludeTotalCount ? "true" : null);
        Add(parts, "includeDeleted", query.IncludeDeleted ? "true" : null);
        return string.Join(" ", parts);
    }

    public static string Filter(FilterNode node) => node switch
    {
        AndNode and => "and(" + string.Join(", ", and.Children.Select(Filter)) + ")",
        OrNode or => "or(" + string.Join(", ", or.Children.Select(Filter)) + ")",
        NotNode not => "not(" + Filter(not.Child) + ")",
        FloatMetricNode metric => $"{Metric(metric.Metric)} {Operator(metric.Operator)} {metric.Value.ToString(CultureInfo.InvariantCulture)}",
        BooleanMetricNode metric => $"{Metric(metric.Metric)} = {(metric.Value ? "true" : "false")}",
        TagNode tag => $"tag[{Quote(tag.Key)}] {Operator(tag.Operator)} {Quote(tag.Value)}",
        TimeNode time => $"time {Operator(time.Operator)} {Instant(time.Time)}",
        DemonstrationNode demonstration => $"hasDemonstration = {(demonstration.HasDemonstration ? "true" : "false")}",
        _ => node.GetType().Name,
    };

    private static string Order(InferenceOrder order) =>
        (order.Key == OrderKey.Metric ? "metric " + Metric(order.Metric!) : order.Key.ToString()) + (order.Descending ? " desc" : " asc");

    private static string Metric(MetricRef metric) => metric.Name + (metric.Level == FeedbackLevel.Episode ? "@episode" : "@inference");

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    private static string Operator(Comparison op) => op switch
    {
        Comparison.LessThan => "<",
        Comparison.LessThanOrEqual => "<=",
        Comparison.Equal => "=",
        Comparison.GreaterThan => ">",
        Comparison.GreaterThanOrEqual => ">=",
        Comparison.NotEqual => "!=",
        _ => op.ToString(),
    };

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add(name + "=" + value);
        }
    }
}
