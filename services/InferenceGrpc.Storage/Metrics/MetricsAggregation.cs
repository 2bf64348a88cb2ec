namespace InferenceGrpc.Storage.Metrics;

/// <summary>An aggregate over a column; <see cref="Fraction"/> (0 to 1) only for percentiles.</summary>
public sealed record MetricsAggregation(MetricsAggregate Aggregate, MetricsField Column, double Fraction = 0);
