namespace InferenceGrpc.SampleData;

/// <summary>The few distributions the generator draws from, all from one seeded stream.</summary>
internal static class RandomExtensions
{
    private const string Hex = "0123456789abcdef";
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T PickOne<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static double NextUniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>A standard normal draw (Box-Muller); 1 - u keeps the logarithm finite.</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// Log-normal around a median: latencies and token counts have a long right tail, never a
    /// negative value.
    /// </summary>
    public static double NextLogNormal(this Random random, double median, double sigma) =>
        median * Math.Exp(sigma * random.NextGaussian());

    public static string NextHex(this Random random, int length) => NextString(random, length, Hex);

    public static string NextAlphanumeric(this Random random, int length) => NextString(random, length, Alphanumeric);

    private static string NextString(Random random, int length, string alphabet) =>
        string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
}
