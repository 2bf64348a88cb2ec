namespace InferenceGrpc.Storage.Metrics;

public enum MetricsAggregate
{
    /// <summary>Rows where the column is not null.</summary>
    Count,

    /// <summary>Distinct non-null values of a text column.</summary>
    CountDistinct,

    /// <summary>0 when no row has a value.</summary>
    Sum,
    Avg,
    Min,
    Max,

    /// <summary>percentile_cont over the non-null values; see <see cref="PercentileCont"/>.</summary>
    Percentile,
}
