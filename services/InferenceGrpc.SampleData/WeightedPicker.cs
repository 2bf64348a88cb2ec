namespace InferenceGrpc.SampleData;

/// <summary>
/// Picks an index with probability proportional to its weight. Real traffic is skewed (a few
/// users, functions and models carry most of it), so most picks go through a Zipf weighting.
/// </summary>
internal sealed class WeightedPicker
{
    private readonly double[] _cumulative;

    public WeightedPicker(IReadOnlyList<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfZero(weights.Count);
        _cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weights[i]);
            total += weights[i];
            _cumulative[i] = total;
        }

        ArgumentOutOfRangeException.ThrowIfZero(total);
    }

    public int Count => _cumulative.Length;

    /// <summary>Weights 1/rank^exponent: rank 1 is the most popular.</summary>
    public static WeightedPicker Zipf(int count, double exponent) =>
        new(Enumerable.Range(1, count).Select(rank => 1 / Math.Pow(rank, exponent)).ToArray());

    public int Pick(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);

        // BinarySearch returns the complement of the first larger entry when there is no exact hit.
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
