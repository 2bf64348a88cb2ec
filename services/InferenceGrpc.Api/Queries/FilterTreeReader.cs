using InferenceGrpc.Contracts.V1;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Api.Queries;

/// <summary>
/// Turns the wire filter tree into the store's <see cref="FilterNode"/> tree: checks its depth
/// and size, each leaf's operator, and resolves every metric to its definition, naming the bad
/// node by its path (such as "filters.and.children[2].tag").
/// </summary>
internal sealed class FilterTreeReader(IReadOnlyDictionary<string, MetricDefinition> metrics, QueryLimits limits)
{
    private int _nodes;

    public FilterNode Read(InferenceFilter filter, string path = "filters") => Read(filter, path, 1);

    private FilterNode Read(InferenceFilter filter, string path, int depth)
    {
        if (depth > limits.MaxFilterDepth)
        {
            throw QueryErrors.Invalid(path, $"{path}: the filter tree is nested deeper than {limits.MaxFilterDepth} levels");
        }

        if (++_nodes > limits.MaxFilterNodes)
        {
            throw QueryErrors.Invalid(path, $"{path}: the filter tree has more than {limits.MaxFilterNodes} nodes");
        }

        return filter.NodeCase switch
        {
            InferenceFilter.NodeOneofCase.And => new AndNode(Children(filter.And.Children, path + ".and", depth)),
            InferenceFilter.NodeOneofCase.Or => new OrNode(Children(filter.Or.Children, path + ".or", depth)),
            InferenceFilter.NodeOneofCase.Not => filter.Not.Child is null
                ? throw QueryErrors.Invalid(path + ".not.child", $"{path}.not: missing field `child`")
                : new NotNode(Read(filter.Not.Child, path + ".not.child", depth + 1)),
            InferenceFilter.NodeOneofCase.FloatMetric => new FloatMetricNode(
                Metric(filter.FloatMetric.MetricName, MetricType.Float, path + ".float_metric.metric_name"),
                Operator(filter.FloatMetric.ComparisonOperator, path + ".float_metric.comparison_operator", tagOnly: false),
                Finite(filter.FloatMetric.Value, path + ".float_metric.value")),
            InferenceFilter.NodeOneofCase.BooleanMetric => new BooleanMetricNode(
                Metric(filter.BooleanMetric.MetricName, MetricType.Boolean, path + ".boolean_metric.metric_name"),
                filter.BooleanMetric.Value),
            InferenceFilter.NodeOneofCase.Tag => new TagNode(
                filter.Tag.Key,
                Operator(filter.Tag.ComparisonOperator, path + ".tag.comparison_operator", tagOnly: true),
                filter.Tag.Value),
            InferenceFilter.NodeOneofCase.Time => filter.Time.Time is null
                ? throw QueryErrors.Invalid(path + ".time.time", $"{path}.time: missing field `time`")
                : new TimeNode(Operator(filter.Time.ComparisonOperator, path + ".time.comparison_operator", tagOnly: false), filter.Time.Time.ToDateTimeOffset()),
            InferenceFilter.NodeOneofCase.DemonstrationFeedback => new DemonstrationNode(filter.DemonstrationFeedback.HasDemonstration),
            _ => throw QueryErrors.Invalid(path, $"{path}: the filter node is empty; set one kind"),
        };
    }

    private List<FilterNode> Children(IEnumerable<InferenceFilter> children, string path, int depth) =>
        children.Select((child, i) => Read(child, $"{path}.children[{i}]", depth + 1)).ToList();

    /// <summary>Resolves a metric; an unknown name is TensorZero's "Invalid metric name".</summary>
    public MetricRef Metric(string name, MetricType? expected, string path)
    {
        if (!metrics.TryGetValue(name, out var metric))
        {
            throw QueryErrors.UnknownMetric(path, name);
        }

        if (expected is { } type && metric.Type != type)
        {
            throw QueryErrors.Invalid(path, $"Metric '{name}' is a {Describe(metric.Type)} metric; use a {Describe(metric.Type)}_metric filter");
        }

        return new MetricRef(name, metric.Level);
    }

    private static string Describe(MetricType type) => type == MetricType.Boolean ? "boolean" : "float";

    private static Storage.Query.Comparison Operator(Contracts.V1.ComparisonOperator op, string path, bool tagOnly)
    {
        Storage.Query.Comparison? result = op switch
        {
            Contracts.V1.ComparisonOperator.LessThan when !tagOnly => Storage.Query.Comparison.LessThan,
            Contracts.V1.ComparisonOperator.LessThanOrEqual when !tagOnly => Storage.Query.Comparison.LessThanOrEqual,
            Contracts.V1.ComparisonOperator.Equal => Storage.Query.Comparison.Equal,
            Contracts.V1.ComparisonOperator.GreaterThan when !tagOnly => Storage.Query.Comparison.GreaterThan,
            Contracts.V1.ComparisonOperator.GreaterThanOrEqual when !tagOnly => Storage.Query.Comparison.GreaterThanOrEqual,
            Contracts.V1.ComparisonOperator.NotEqual => Storage.Query.Comparison.NotEqual,
            _ => null,
        };
        return result ?? throw QueryErrors.Invalid(path, tagOnly
            ? $"{path}: a tag filter compares with \"=\" or \"!=\""
            : $"{path}: expected one of \"<\", \"<=\", \"=\", \">\", \">=\", \"!=\"");
    }

    private static double Finite(double value, string path) =>
        double.IsFinite(value) ? value : throw QueryErrors.Invalid(path, $"{path}: must be a finite number");
}
