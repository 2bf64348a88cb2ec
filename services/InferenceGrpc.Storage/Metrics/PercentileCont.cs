namespace InferenceGrpc.Storage.Metrics;

/// <summary>
/// The one percentile definition every store uses, PostgreSQL's percentile_cont: over the n
/// sorted values, the value at position f * (n - 1), interpolated linearly between the two
/// values around it. Exact, so both stores answer the same.
/// </summary>
public static class PercentileCont
{
    /// <summary>The 0-based ranks of the two values that decide the percentile.</summary>
    public static (long Lower, long Upper) Ranks(long count, double fraction)
    {
        var position = fraction * (count - 1);
        var lower = (long)Math.Floor(position);
        return (lower, Math.Min(lower + 1, count - 1));
    }

    /// <summary>The percentile from the values at <see cref="Ranks"/>.</summary>
    public static double Interpolate(long count, double fraction, double lower, double upper)
    {
        var position = fraction * (count - 1);
        var weight = position - Math.Floor(position);
        return weight == 0 ? lower : lower + ((upper - lower) * weight);
    }

    /// <summary>The percentile of values already sorted ascending; null when there are none.</summary>
    public static double? OfSorted(IReadOnlyList<double> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var (lower, upper) = Ranks(sorted.Count, fraction);
        return Interpolate(sorted.Count, fraction, sorted[(int)lower], sorted[(int)upper]);
    }
}
