using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Query;

/// <summary>
/// A node of the inference filter tree, the store-facing form of TensorZero's InferenceFilter:
/// validated, with every metric resolved to its definition. Semantics, which every store
/// compiler and the reference evaluator implement identically (api-compat-spec 1.5.1-1.5.2):
/// <list type="bullet">
/// <item>a metric leaf compares the latest feedback for the metric on the inference (or its
/// episode, for episode-level metrics); no feedback is unknown, and unknown never matches,
/// even under <see cref="NotFilter"/>;</item>
/// <item>a tag leaf needs the key present: <c>!=</c> matches a present key with another value;</item>
/// <item>an empty <see cref="AndFilter"/> is true, an empty <see cref="OrFilter"/> false.</item>
/// </list>
/// </summary>
public abstract record FilterNode;

public sealed record AndFilter(IReadOnlyList<FilterNode> Children) : FilterNode;

public sealed record OrFilter(IReadOnlyList<FilterNode> Children) : FilterNode;

public sealed record NotFilter(FilterNode Child) : FilterNode;

public sealed record FloatMetricFilter(MetricRef Metric, ComparisonOperator Operator, double Value) : FilterNode;

public sealed record BooleanMetricFilter(MetricRef Metric, bool Value) : FilterNode;

/// <summary>Compares a tag; only <see cref="ComparisonOperator.Equal"/> and <see cref="ComparisonOperator.NotEqual"/> apply.</summary>
public sealed record TagFilter(string Key, ComparisonOperator Operator, string Value) : FilterNode;

/// <summary>Compares the inference's time, truncated to whole seconds as TensorZero stores it.</summary>
public sealed record TimeFilter(ComparisonOperator Operator, DateTimeOffset Time) : FilterNode;

public sealed record DemonstrationFilter(bool HasDemonstration) : FilterNode;

/// <summary>A metric by name, with the level that decides whether it joins on the inference or its episode.</summary>
public sealed record MetricRef(string Name, FeedbackLevel Level);
