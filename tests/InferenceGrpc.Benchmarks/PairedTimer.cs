using System.Diagnostics;

namespace InferenceGrpc.Benchmarks;

/// <summary>
/// Times one scenario end to end and its floor, alternately, so both see the same machine load.
/// Before measuring it runs the pair for a warm-up period: the server's JIT compiles a code path
/// in tiers (about 30 calls, then a rejit in the background, and PGO adds a second round), so the
/// first hundred calls of each query shape run unoptimised code on both sides of the wire. The
/// wire benchmark warms every server for the same reason (WARMUP_SECONDS in scripts/bench/bench.sh).
/// </summary>
internal sealed class PairedTimer(int rounds, TimeSpan warmUp)
{
    /// <summary>Warm-up runs at least this many pairs, however slow one pair is.</summary>
    private const int MinimumWarmUpPairs = 3;

    public async Task<(Samples Service, Samples Floor)> MeasureAsync(Func<Task> service, Func<Task> floor)
    {
        var warmUpStarted = Stopwatch.GetTimestamp();
        for (var pair = 0; pair < MinimumWarmUpPairs || Stopwatch.GetElapsedTime(warmUpStarted) < warmUp; pair++)
        {
            await service();
            await floor();
        }

        var serviceSamples = new Samples();
        var floorSamples = new Samples();
        for (var round = 0; round < rounds; round++)
        {
            serviceSamples.Add(await TimeAsync(service));
            floorSamples.Add(await TimeAsync(floor));
        }

        return (serviceSamples, floorSamples);
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
