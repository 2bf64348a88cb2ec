using System.Globalization;

namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// The seed, how many inputs each target gets, and the per-request timeout, from environment
/// variables so a longer run needs no code change: FUZZ_SEED (default 20261122), FUZZ_COUNT
/// (default 150 per target) and FUZZ_TIMEOUT_SECONDS (default 30).
/// </summary>
public sealed record FuzzSettings(int Seed, int Count, TimeSpan Timeout)
{
    public static FuzzSettings FromEnvironment() => new(
        Read("FUZZ_SEED", 20261122),
        Read("FUZZ_COUNT", 150),
        TimeSpan.FromSeconds(Read("FUZZ_TIMEOUT_SECONDS", 30)));

    /// <summary>Each target's own seed, so adding or reordering targets leaves the others' inputs unchanged.</summary>
    public int SeedFor(string target)
    {
        // FNV-1a: string.GetHashCode differs from run to run.
        var hash = 2166136261u;
        foreach (var c in target)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Seed ^ (int)hash;
    }

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
