using InferenceGrpc.Storage.Metrics;
using static InferenceGrpc.Storage.Tests.Metrics.MetricsDataGenerator;
using static InferenceGrpc.Storage.Tests.TestRecords;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>Random valid metrics queries over the generator's data: windows, buckets, groups, aggregations and filters.</summary>
internal sealed class MetricsQueryGenerator(int seed)
{
    private static readonly long[] Buckets = [900_000, 3_600_000, 21_600_000, 86_400_000];
    private static readonly MetricsDimension[] Dimensions = Enum.GetValues<MetricsDimension>();
    private static readonly MetricsField[] Numeric = [MetricsField.LatencyMs, MetricsField.TtftMs, MetricsField.InputTokens, MetricsField.OutputTokens, MetricsField.CostUsd];
    private static readonly MetricsField[] Text = [MetricsField.ModelName, MetricsField.VirtualModelName];
    private static readonly double[] Fractions = [0.5, 0.75, 0.9, 0.95, 0.99];

    private readonly Random _random = new(seed);

    public MetricsQuery Next()
    {
        var span = (long)TimeSpan.FromDays(Days).TotalMilliseconds;
        var start = Start.ToUnixTimeMilliseconds() + _random.NextInt64(-span / 4, span / 2);
        var end = start + _random.NextInt64(1, span);
        return new MetricsQuery
        {
            StartMs = start,
            EndMs = end,
            BucketMs = _random.Next(2) == 0 ? null : Buckets[_random.Next(Buckets.Length)],
            GroupBy = Dimensions.Where(_ => _random.NextDouble() < 0.25).ToList(),
            Aggregations = Enumerable.Range(0, _random.Next(0, 5)).Select(_ => Aggregation()).Distinct().ToList(),
            Filters = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Filter()).ToList(),
        };
    }

    private MetricsAggregation Aggregation()
    {
        var aggregate = Enum.GetValues<MetricsAggregate>()[_random.Next(7)];
        return aggregate switch
        {
            MetricsAggregate.CountDistinct => new(aggregate, Pick(Text)),
            MetricsAggregate.Count => new(aggregate, _random.Next(2) == 0 ? Pick(Text) : Pick(Numeric)),
            MetricsAggregate.Percentile => new(aggregate, Pick(Numeric), Pick(Fractions)),
            _ => new(aggregate, Pick(Numeric)),
        };
    }

    private MetricsFilter Filter() => _random.Next(8) switch
    {
        0 => new TeamFilter(_random.Next(2) == 0, Teams.Where(_ => _random.NextDouble() < 0.5).DefaultIfEmpty("alpha").ToList()),
        1 => new ScalarFilter(new TagOperand("env"), Pick([MetricsOperator.Equal, MetricsOperator.NotEqual, MetricsOperator.IsNull, MetricsOperator.IsNotNull]), ["prod"]),
        2 => new ScalarFilter(new SubjectOperand(Pick(["user", "virtualaccount"])), Pick([MetricsOperator.StartsWith, MetricsOperator.NotEndsWith, MetricsOperator.IsNull]), [Pick(["ann", "svc", ".io"])]),
        3 => NumberFilter(MetricsField.LatencyMs, 0, 3000),
        4 => NumberFilter(MetricsField.InputTokens, 0, 4000),
        5 => TextFilter(MetricsField.ModelName, ["gpt-4o", "claude-sonnet", "gpt", "mini", "b"]),
        6 => TextFilter(MetricsField.RequestType, ["chat", "completion", "c"]),
        _ => new ScalarFilter(new FieldOperand(MetricsField.VirtualModelName), Pick([MetricsOperator.IsNull, MetricsOperator.IsNotNull]), []),
    };

    private ScalarFilter NumberFilter(MetricsField field, double low, double high)
    {
        double Value() => Math.Round(low + (_random.NextDouble() * (high - low)));
        var op = Pick([MetricsOperator.Equal, MetricsOperator.GreaterThan, MetricsOperator.LessThan, MetricsOperator.GreaterThanOrEqual,
            MetricsOperator.LessThanOrEqual, MetricsOperator.Between, MetricsOperator.In, MetricsOperator.NotIn, MetricsOperator.IsNull]);
        object[] values = op switch
        {
            MetricsOperator.Between => [Value(), Value() + high / 2],
            MetricsOperator.In or MetricsOperator.NotIn => [Value(), 0.0, Value()],
            MetricsOperator.IsNull => [],
            _ => [Value()],
        };
        return new ScalarFilter(new FieldOperand(field), op, values);
    }

    private ScalarFilter TextFilter(MetricsField field, string[] words)
    {
        var op = Pick(Enum.GetValues<MetricsOperator>());
        object[] values = op switch
        {
            MetricsOperator.Between => [Pick(words), Pick(words)],
            MetricsOperator.In or MetricsOperator.NotIn => [Pick(words), Pick(words)],
            MetricsOperator.IsNull or MetricsOperator.IsNotNull => [],
            _ => [Pick(words)],
        };
        return new ScalarFilter(new FieldOperand(field), op, values);
    }

    private T Pick<T>(T[] pool) => pool[_random.Next(pool.Length)];
}
