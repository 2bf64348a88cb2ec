using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Query;

/// <summary>
/// A node of the inference filter tree, the store-facing form of TensorZero's InferenceFilter:
/// validated, with every metric resolved to its definition. Semantics, which every store
/// compiler and the reference evaluator implement identically (api-compat-spec 1.5.1-1.5.2):
/// <list type="bullet">
/// <item>a metric leaf compares the latest feedback for the metric on the inference (or its
/// episode, for episode-level metrics); no feedback is unknown, and unknown never matches,
/// even under <see cref="NotNode"/>;</item>
/// <item>a tag leaf needs the key present: <c>!=</c> matches a present key with another value;</item>
/// <item>an empty <see cref="AndNode"/> is true, an empty <see cref="OrNode"/> false.</item>
/// </list>
/// </summary>
public abstract record FilterNode;

public sealed record AndNode(IReadOnlyList<FilterNode> Children) : FilterNode;

public sealed record OrNode(IReadOnlyList<FilterNode> Children) : FilterNode;

public sealed record NotNode(FilterNode Child) : FilterNode;

public sealed record FloatMetricNode(MetricRef Metric, Comparison Operator, double Value) : FilterNode;

public sealed record BooleanMetricNode(MetricRef Metric, bool Value) : FilterNode;

/// <summary>Compares a tag; only <see cref="Comparison.Equal"/> and <see cref="Comparison.NotEqual"/> apply.</summary>
public sealed record TagNode(string Key, Comparison Operator, string Value) : FilterNode;

/// <summary>Compares the inference's time, truncated to whole seconds as TensorZero stores it.</summary>
public sealed record TimeNode(Comparison Operator, DateTimeOffset Time) : FilterNode;

public sealed record DemonstrationNode(bool HasDemonstration) : FilterNode;

/// <summary>A metric by name, with the level that decides whether it joins on the inference or its episode.</summary>
public sealed record MetricRef(string Name, FeedbackLevel Level);
