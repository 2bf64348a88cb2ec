namespace InferenceGrpc.SampleData;

/// <summary>
/// The times of exactly N inferences over the window, in increasing order and one at a time.
/// Traffic follows a daily cycle (peak mid-afternoon UTC), quieter weekends and gentle growth
/// over the window. The i-th arrival is the inverse of the cumulative traffic at (i + u) / N,
/// u uniform: stratified, so the count is exact and times never go backwards.
/// </summary>
internal sealed class ArrivalSchedule
{
    private readonly long _startMs;
    private readonly double _bucketMs;
    private readonly double[] _cumulative;
    private readonly long _count;
    private long _index;
    private int _bucket;
    private long _lastMs;

    public ArrivalSchedule(long startMs, long endMs, long count)
    {
        _startMs = startMs;
        _count = count;
        var buckets = (int)Math.Ceiling((endMs - startMs) / TimeSpan.FromHours(1).TotalMilliseconds);
        _bucketMs = (double)(endMs - startMs) / buckets;
        _cumulative = new double[buckets + 1];
        for (var b = 0; b < buckets; b++)
        {
            var middle = DateTimeOffset.FromUnixTimeMilliseconds(startMs + (long)((b + 0.5) * _bucketMs));
            _cumulative[b + 1] = _cumulative[b] + Intensity(middle, (b + 0.5) / buckets);
        }

        EndMs = endMs;
    }

    public long EndMs { get; }

    public bool TryNext(Random random, out long timeMs)
    {
        if (_index >= _count)
        {
            timeMs = 0;
            return false;
        }

        var target = (_index + random.NextDouble()) / _count * _cumulative[^1];
        while (_bucket < _cumulative.Length - 2 && _cumulative[_bucket + 1] <= target)
        {
            _bucket++;
        }

        var fraction = (target - _cumulative[_bucket]) / (_cumulative[_bucket + 1] - _cumulative[_bucket]);
        // Rounding at a bucket edge could step back a millisecond; arrivals never do.
        timeMs = Math.Max(_lastMs, Math.Min(_startMs + (long)((_bucket + Math.Clamp(fraction, 0, 1)) * _bucketMs), EndMs - 1));
        _lastMs = timeMs;
        _index++;
        return true;
    }

    /// <summary>Relative traffic at a time; <paramref name="progress"/> runs from 0 to 1 over the window.</summary>
    private static double Intensity(DateTimeOffset time, double progress)
    {
        var hour = time.UtcDateTime.Hour + (time.UtcDateTime.Minute / 60.0);
        var daily = 0.3 + (0.7 * (0.5 - (0.5 * Math.Cos(2 * Math.PI * (hour - 3) / 24))));
        var weekly = time.UtcDateTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.5 : 1.0;
        var growth = 0.8 + (0.4 * progress);
        return daily * weekly * growth;
    }
}
