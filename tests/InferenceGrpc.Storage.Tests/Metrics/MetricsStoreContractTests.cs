using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Metrics;
using static InferenceGrpc.Storage.Tests.Metrics.MetricsRecords;
using static InferenceGrpc.Storage.Tests.TestRecords;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>
/// The metrics contract, run against every backend with the same expected rows: each derived
/// class supplies the stores; every test writes to a tenant of its own.
/// </summary>
public abstract class MetricsStoreContractTests
{
    private readonly TenantId _tenant = TenantId.Parse("m" + Guid.NewGuid().ToString("N")[..12]);

    protected abstract IInferenceStore Store { get; }

    protected abstract IMetricsStore Metrics { get; }

    [Fact]
    public async Task Query_GroupByModel_AggregatesEveryKindPerGroup()
    {
        await WriteAsync(
            Call(1, "a", latency: 10, cost: 0.5, input: 100),
            Call(2, "a", latency: 20, cost: 0.25, input: 300),
            Call(3, "a", latency: 40),
            Call(4, "a"),
            Call(5, "b", latency: 7, cost: 0, input: 5),
            Call(6, latency: 1));

        var rows = await QueryAsync(Hour(
            new(MetricsAggregate.Count, MetricsField.LatencyMs),
            new(MetricsAggregate.Sum, MetricsField.CostUsd),
            new(MetricsAggregate.Avg, MetricsField.InputTokens),
            new(MetricsAggregate.Min, MetricsField.LatencyMs),
            new(MetricsAggregate.Max, MetricsField.LatencyMs),
            new(MetricsAggregate.Percentile, MetricsField.LatencyMs, 0.5),
            new(MetricsAggregate.Percentile, MetricsField.LatencyMs, 0.9),
            new(MetricsAggregate.Count, MetricsField.ModelName)) with { GroupBy = [MetricsDimension.ModelName] });

        Assert.Equal(
            [
                new(null, [null], 1, [1, 0, null, 1, 1, 1, 1, 0]),
                new(null, ["a"], 4, [3, 0.75, 200, 10, 40, 20, 36, 4]),
                new(null, ["b"], 1, [1, 0, 5, 7, 7, 7, 7, 1]),
            ],
            rows,
            RowComparer.Instance);
    }

    [Fact]
    public async Task Query_Percentiles_InterpolateLinearlyBetweenRanks()
    {
        // Values far apart and close together, zeros, and repeats: the Cosmos histogram's edge cases.
        double[] latencies = [0, 0, 0.001, 3, 3, 3, 1000.25, 1000.5, 99999, 5e6];
        await WriteAsync(latencies.Select((l, i) => Call(i + 1, "m", latency: l)).ToArray());

        var fractions = new[] { 0.5, 0.75, 0.9, 0.95, 0.99 };
        var row = Assert.Single(await QueryAsync(Hour(fractions.Select(f => new MetricsAggregation(MetricsAggregate.Percentile, MetricsField.LatencyMs, f)).ToArray())));

        Assert.Equal(fractions.Select(f => (double?)Reference(latencies, f)), row.Values);
    }

    [Fact]
    public async Task Query_Timeseries_EpochAlignedBucketsWithoutEmptyOnes()
    {
        // Start is 12:00:00 UTC; 15-minute buckets: [12:00, 12:15) holds two, [12:30, 12:45) one.
        await WriteAsync(Call(0, "a"), Call(899, "a"), Call(1800, "a"), Call(3600, "a"));

        var rows = await QueryAsync(Hour() with { BucketMs = 900_000 });

        Assert.Equal([(Ms(0), 2L), (Ms(1800), 1L)], rows.Select(r => (r.BucketStartMs!.Value, r.Total)));
    }

    [Fact]
    public async Task Query_GroupByTeam_CountsMultiTeamInferenceInEachAndNoTeamAsNull()
    {
        await WriteAsync(Call(1, "a", null, 1, null, "x", "y"), Call(2, "a", null, 2, null, "x"), Call(3, "b", cost: 4));

        var rows = await QueryAsync(Hour(new MetricsAggregation(MetricsAggregate.Sum, MetricsField.CostUsd), new MetricsAggregation(MetricsAggregate.CountDistinct, MetricsField.ModelName))
            with { GroupBy = [MetricsDimension.Team] });

        Assert.Equal([new(null, [null], 1, [4, 1]), new(null, ["x"], 2, [3, 1]), new(null, ["y"], 1, [1, 1])], rows, RowComparer.Instance);
    }

    [Fact]
    public async Task Query_CountDistinct_CountsNonNullTextValues()
    {
        await WriteAsync(Call(1, "a"), Call(2, "a"), Call(3, "b"), Call(4));

        var row = Assert.Single(await QueryAsync(Hour(new MetricsAggregation(MetricsAggregate.CountDistinct, MetricsField.ModelName))));

        Assert.Equal([2.0], row.Values);
    }

    [Fact]
    public async Task Query_NothingMatches_ReturnsNoRows()
    {
        await WriteAsync(Call(4000, "a"));

        Assert.Empty(await QueryAsync(Hour(new MetricsAggregation(MetricsAggregate.Sum, MetricsField.CostUsd))));
        Assert.Empty(await Metrics.QueryMetricsAsync(TenantId.Parse("other-" + _tenant.Value), Hour() with { EndMs = Ms(5000) }, default));
    }

    [Fact]
    public async Task Query_Window_StartInclusiveEndExclusive()
    {
        await WriteAsync(Call(9), Call(10), Call(19), Call(20));

        var row = Assert.Single(await QueryAsync(new MetricsQuery { StartMs = Ms(10), EndMs = Ms(20) }));

        Assert.Equal(2, row.Total);
    }

    [Fact]
    public async Task Query_CancelledCall_ThrowsOperationCanceled()
    {
        await WriteAsync(Call(1, "a", latency: 1));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Metrics.QueryMetricsAsync(_tenant, Hour(new MetricsAggregation(MetricsAggregate.Percentile, MetricsField.LatencyMs, 0.5)), cancelled.Token));
    }

    public static TheoryData<string, MetricsFilter, int[]> Filters => new()
    {
        { "equal", Field(MetricsField.ModelName, MetricsOperator.Equal, "gpt-4o"), [1] },
        { "not equal skips null", Field(MetricsField.ModelName, MetricsOperator.NotEqual, "gpt-4o"), [2, 3] },
        { "in", Field(MetricsField.ModelName, MetricsOperator.In, "gpt-4o", "claude"), [1, 3] },
        { "not in skips null", Field(MetricsField.ModelName, MetricsOperator.NotIn, "claude"), [1, 2] },
        { "contains", Field(MetricsField.ModelName, MetricsOperator.Contains, "4o"), [1, 2] },
        { "not contains", Field(MetricsField.ModelName, MetricsOperator.NotContains, "mini"), [1, 3] },
        { "starts with", Field(MetricsField.ModelName, MetricsOperator.StartsWith, "gpt"), [1, 2] },
        { "not starts with", Field(MetricsField.ModelName, MetricsOperator.NotStartsWith, "gpt"), [3] },
        { "ends with", Field(MetricsField.ModelName, MetricsOperator.EndsWith, "mini"), [2] },
        { "ends with longer than value", Field(MetricsField.ModelName, MetricsOperator.EndsWith, "xxgpt-4o"), [] },
        { "not ends with", Field(MetricsField.ModelName, MetricsOperator.NotEndsWith, "mini"), [1, 3] },
        { "text greater than", Field(MetricsField.ModelName, MetricsOperator.GreaterThan, "d"), [1, 2] },
        { "text between", Field(MetricsField.ModelName, MetricsOperator.Between, "a", "gpt-4o"), [1, 3] },
        { "is null", Field(MetricsField.ModelName, MetricsOperator.IsNull), [4] },
        { "is not null", Field(MetricsField.LatencyMs, MetricsOperator.IsNotNull), [1, 2, 3] },
        { "number equal", Field(MetricsField.LatencyMs, MetricsOperator.Equal, 20.0), [2] },
        { "number less than", Field(MetricsField.LatencyMs, MetricsOperator.LessThan, 20.0), [1] },
        { "number at least", Field(MetricsField.LatencyMs, MetricsOperator.GreaterThanOrEqual, 20.0), [2, 3] },
        { "number at most", Field(MetricsField.LatencyMs, MetricsOperator.LessThanOrEqual, 20.0), [1, 2] },
        { "number between inclusive", Field(MetricsField.LatencyMs, MetricsOperator.Between, 20.0, 30.0), [2, 3] },
        { "number not in skips null", Field(MetricsField.LatencyMs, MetricsOperator.NotIn, 10.0), [2, 3] },
        { "team has any", new TeamFilter(false, ["x", "z"]), [1, 3] },
        { "team has none keeps no team", new TeamFilter(true, ["x"]), [2, 3, 4] },
        { "tag in", new ScalarFilter(new TagOperand("env"), MetricsOperator.In, ["prod"]), [1, 2] },
        { "tag not equal skips missing", new ScalarFilter(new TagOperand("env"), MetricsOperator.NotEqual, ["prod"]), [3] },
        { "tag is null", new ScalarFilter(new TagOperand("env"), MetricsOperator.IsNull, []), [4] },
        { "user email", new ScalarFilter(new SubjectOperand("user"), MetricsOperator.Equal, ["ann@x.io"]), [1] },
        { "user email is null", new ScalarFilter(new SubjectOperand("user"), MetricsOperator.IsNull, []), [3, 4] },
        { "virtual account starts with", new ScalarFilter(new SubjectOperand("virtualaccount"), MetricsOperator.StartsWith, ["svc"]), [3] },
        { "subject type", Field(MetricsField.SubjectType, MetricsOperator.In, "user"), [1, 2] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Query_Filter_MatchesExactlyTheseInferences(string name, MetricsFilter filter, int[] expected)
    {
        Assert.NotNull(name);
        await WriteAsync(
            Call(1, "gpt-4o", 10, null, null, "x", "y").WithTag("env", "prod").WithSubject("ann@x.io", SubjectType.User),
            Call(2, "gpt-4o-mini", 20, null, null, "y").WithTag("env", "prod").WithSubject("bob@x.io", SubjectType.User),
            Call(3, "claude", 30, null, null, "z").WithTag("env", "dev").WithSubject("svc-batch", SubjectType.VirtualAccount),
            Call(4));

        // Each inference has its own minute bucket, so the rows name the inferences that matched.
        var rows = await QueryAsync(Hour() with { BucketMs = 1000, Filters = [filter] });

        Assert.Equal(expected.Select(Ms), rows.Select(r => r.BucketStartMs!.Value));
    }

    private static double Reference(double[] values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var position = fraction * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private Task<IReadOnlyList<MetricsRow>> QueryAsync(MetricsQuery query) => Metrics.QueryMetricsAsync(_tenant, query, default);

    private Task WriteAsync(params Inference[] inferences)
    {
        Record[] records = inferences.Select(i => i.AsRecord()).ToArray();
        return Store.WriteAsync(_tenant, RecordValidator.Validate(records, new Dictionary<string, MetricDefinition>(), Start), default);
    }
}
