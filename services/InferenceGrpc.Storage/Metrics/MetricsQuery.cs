namespace InferenceGrpc.Storage.Metrics;

/// <summary>
/// A metrics query in a form every store compiles to its own aggregate SQL: a half-open time
/// window, optional epoch-aligned buckets, group-by dimensions, aggregations and ANDed filters.
/// The API layer builds it after validation; stores trust it. Soft-deleted inferences never
/// count.
/// </summary>
public sealed record MetricsQuery
{
    /// <summary>Inclusive window start, Unix milliseconds.</summary>
    public required long StartMs { get; init; }

    /// <summary>Exclusive window end, Unix milliseconds.</summary>
    public required long EndMs { get; init; }

    /// <summary>
    /// The bucket width of a timeseries in milliseconds; null for one row per group. Buckets are
    /// aligned to the Unix epoch: a row's bucket starts at floor(created / width) * width.
    /// </summary>
    public long? BucketMs { get; init; }

    public IReadOnlyList<MetricsDimension> GroupBy { get; init; } = [];

    /// <summary>Computed per row, in this order; COUNT(*) (the total) always comes too.</summary>
    public IReadOnlyList<MetricsAggregation> Aggregations { get; init; } = [];

    /// <summary>All must match.</summary>
    public IReadOnlyList<MetricsFilter> Filters { get; init; } = [];
}
