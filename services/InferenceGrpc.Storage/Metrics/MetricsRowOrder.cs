namespace InferenceGrpc.Storage.Metrics;

/// <summary>
/// The order of a metrics answer, which TrueFoundry leaves unspecified: by bucket start, then by
/// each group value in GroupBy order, null first, text ordinally.
/// </summary>
public sealed class MetricsRowOrder : IComparer<MetricsRow>
{
    public static readonly MetricsRowOrder Instance = new();

    public int Compare(MetricsRow? x, MetricsRow? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byBucket = Nullable.Compare(x.BucketStartMs, y.BucketStartMs);
        if (byBucket != 0)
        {
            return byBucket;
        }

        for (var i = 0; i < x.Groups.Count; i++)
        {
            var byGroup = string.CompareOrdinal(x.Groups[i], y.Groups[i]);
            if (byGroup != 0)
            {
                return byGroup;
            }
        }

        return 0;
    }
}
