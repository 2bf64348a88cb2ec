namespace InferenceGrpc.Storage.Metrics;

/// <summary>A filter of a metrics query; all filters of a query must match.</summary>
public abstract record MetricsFilter;

/// <summary>
/// Compares one value of the inference. <see cref="Values"/> holds strings for text operands and
/// doubles for numeric ones: one value, the list for IN and NOT_IN, [low, high] for BETWEEN, none
/// for IS_NULL and IS_NOT_NULL.
/// </summary>
public sealed record ScalarFilter(MetricsOperand Operand, MetricsOperator Operator, IReadOnlyList<object> Values) : MetricsFilter;

/// <summary>ARRAY_HAS_ANY (some team of the inference is listed) or, negated, ARRAY_HAS_NONE.</summary>
public sealed record TeamFilter(bool Negated, IReadOnlyList<string> Teams) : MetricsFilter;
