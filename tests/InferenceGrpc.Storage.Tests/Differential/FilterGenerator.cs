using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>Random filter trees over the data pools: every node kind and operator, nested up to a depth.</summary>
internal sealed class FilterGenerator(Random random, DataPools pools)
{
    private static readonly Comparison[] Operators = Enum.GetValues<Comparison>();

    public FilterNode Node(int depth)
    {
        // Deeper levels lean to leaves, so trees stay small enough to read when printed.
        if (depth <= 0 || random.NextDouble() < 0.45)
        {
            return Leaf();
        }

        return random.Next(3) switch
        {
            0 => new AndNode(Children(depth)),
            1 => new OrNode(Children(depth)),
            _ => new NotNode(Node(depth - 1)),
        };
    }

    public FilterNode Leaf()
    {
        switch (random.Next(6))
        {
            case 0 or 1:
                var metric = Pick(DataPools.Metrics);
                return metric.Type == MetricType.Float
                    ? new FloatMetricNode(DataPools.Ref(metric), Pick(Operators), Pick(DataPools.Scores) + (random.NextDouble() < 0.2 ? 0.1 : 0))
                    : new BooleanMetricNode(DataPools.Ref(metric), random.Next(2) == 0);
            case 2:
                var key = random.NextDouble() < 0.1 ? "absent" : Pick(DataPools.Tags.Keys.ToList());
                var value = random.NextDouble() < 0.1 || !DataPools.Tags.TryGetValue(key, out var values) ? "nowhere" : Pick(values);
                return new TagNode(key, random.Next(2) == 0 ? Comparison.Equal : Comparison.NotEqual, value);
            case 3:
                return new TimeNode(Pick(Operators), Instant());
            case 4:
                return new DemonstrationNode(random.Next(2) == 0);
            default:
                // A second metric leaf slot keeps metrics, the subtle part, frequent.
                var boolean = Pick(DataPools.Metrics.Where(m => m.Type == MetricType.Boolean).ToList());
                return new NotNode(new BooleanMetricNode(DataPools.Ref(boolean), random.Next(2) == 0));
        }
    }

    /// <summary>
    /// A filter instant near the data: a whole second (the stored precision, so = and != can hold),
    /// or a millisecond inside it, or a second with no data.
    /// </summary>
    public DateTimeOffset Instant()
    {
        var second = DataPools.Start.AddSeconds(Pick(pools.Seconds));
        return random.Next(4) switch
        {
            0 or 1 => second,
            2 => second.AddMilliseconds(random.Next(1, 1000)),
            _ => second.AddSeconds(random.Next(-3, 4)),
        };
    }

    private List<FilterNode> Children(int depth) =>
        Enumerable.Range(0, random.Next(4)).Select(_ => Node(depth - 1)).ToList();

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
