using System.Text.Json.Nodes;
using InferenceGrpc.Storage.Metrics;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Exact percentiles (<see cref="PercentileCont"/>) on Cosmos DB, which has no percentile
/// aggregate, in two GROUP BY passes so the rows stay in the store:
/// <list type="number">
/// <item>a histogram: per group, how many values fall in each ~1%-wide logarithmic bucket
/// (<see cref="CosmosMetricsCompiler.HistogramBucket"/>); from the counts the store knows which
/// bucket holds each rank the percentile needs, and where in the bucket;</item>
/// <item>the values of only those buckets, sorted here to pick the ranks.</item>
/// </list>
/// Cost: pass 1 returns one row per group and occupied bucket (at most about 100 per factor e of
/// the value range, so it approaches the row count only for groups of a few hundred rows); pass 2
/// returns the values of the chosen buckets, about 1% of a group's range each. The alternative,
/// ORDER BY value OFFSET rank LIMIT 2 per group and percentile, costs a query per group and is
/// exact too, but thousands of groups (an hourly week by model and team) make it thousands of
/// queries. Zero values have a bucket of their own and are never fetched: they are all 0.
/// </summary>
internal sealed class CosmosPercentiles(CosmosMetricsCompiler compiler, Func<QueryDefinition, Task<List<JsonNode>>> run)
{
    public const int BucketsPerUnitLog = 100;
    public const long ZeroBucket = -1_000_000;

    /// <summary>Per group key (see <see cref="GroupKey"/>), the percentile of each fraction, in order.</summary>
    public async Task<Dictionary<string, double[]>> ComputeAsync(MetricsField field, IReadOnlyList<double> fractions)
    {
        var histograms = new Dictionary<string, SortedDictionary<long, long>>(StringComparer.Ordinal);
        foreach (var row in await run(compiler.Histogram(field)))
        {
            var key = GroupKey(row, compiler.KeyCount);
            if (!histograms.TryGetValue(key, out var histogram))
            {
                histograms[key] = histogram = [];
            }

            histogram[(long)row["h"]!.GetValue<double>()] = (long)row["n"]!.GetValue<double>();
        }

        // Where each needed rank sits: its bucket and its offset within the bucket.
        var positions = histograms.ToDictionary(
            h => h.Key,
            h => fractions.Select(f => Locate(h.Value, f)).ToArray(),
            StringComparer.Ordinal);
        var wanted = positions
            .SelectMany(p => p.Value.SelectMany(r => new[] { r.Lower, r.Upper }).Where(r => r.Bucket != ZeroBucket).Select(r => (p.Key, r.Bucket)))
            .ToHashSet();
        var values = new Dictionary<(string Key, long Bucket), List<double>>();
        if (wanted.Count > 0)
        {
            var buckets = wanted.Select(w => w.Bucket).Distinct().ToList();
            foreach (var row in await run(compiler.BucketValues(field, buckets)))
            {
                var at = (GroupKey(row, compiler.KeyCount), (long)row["h"]!.GetValue<double>());
                if (wanted.Contains(at))
                {
                    if (!values.TryGetValue(at, out var list))
                    {
                        values[at] = list = [];
                    }

                    list.Add(row["v"]!.GetValue<double>());
                }
            }

            foreach (var list in values.Values)
            {
                list.Sort();
            }
        }

        return positions.ToDictionary(
            p => p.Key,
            p => p.Value.Select((r, i) => PercentileCont.Interpolate(r.Count, fractions[i], Value(values, p.Key, r.Lower), Value(values, p.Key, r.Upper))).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The identity of a result row's group: its key values k0…, as JSON.</summary>
    public static string GroupKey(JsonNode row, int keyCount) =>
        string.Join(",", Enumerable.Range(0, keyCount).Select(i => row[$"k{i}"]?.ToJsonString() ?? "null"));

    private static double Value(Dictionary<(string, long), List<double>> values, string key, Rank rank) =>
        rank.Bucket == ZeroBucket ? 0 : values[(key, rank.Bucket)][(int)rank.Offset];

    private static Position Locate(SortedDictionary<long, long> histogram, double fraction)
    {
        var count = histogram.Values.Sum();
        var (lower, upper) = PercentileCont.Ranks(count, fraction);
        return new Position(count, Find(histogram, lower), Find(histogram, upper));
    }

    private static Rank Find(SortedDictionary<long, long> histogram, long rank)
    {
        var before = 0L;
        foreach (var (bucket, count) in histogram)
        {
            if (rank < before + count)
            {
                return new Rank(bucket, rank - before);
            }

            before += count;
        }

        throw new InvalidOperationException($"Rank {rank} is outside the histogram of {before} values.");
    }

    private readonly record struct Rank(long Bucket, long Offset);

    private readonly record struct Position(long Count, Rank Lower, Rank Upper);
}
