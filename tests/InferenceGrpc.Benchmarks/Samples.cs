namespace InferenceGrpc.Benchmarks;

/// <summary>Timings of repeated runs of one scenario, in milliseconds, with the order statistics the tables print.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    public void Add(double milliseconds) => _values.Add(milliseconds);

    public double Median => Percentile(0.5);

    public double P99 => Percentile(0.99);

    public double Min => _values.Min();

    public double Max => _values.Max();

    private double Percentile(double fraction)
    {
        var sorted = _values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }
}
