namespace InferenceGrpc.Storage.Metrics;

/// <summary>
/// One row of a metrics answer: the bucket start (timeseries only), the group values in the
/// query's GroupBy order, the row count, and the aggregation values in the query's order (null
/// when no row of the group has a value).
/// </summary>
public sealed record MetricsRow(long? BucketStartMs, IReadOnlyList<string?> Groups, long Total, IReadOnlyList<double?> Values);
