using System.Text;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Metrics;
using Xunit.Abstractions;
using static InferenceGrpc.Storage.Tests.TestRecords;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>
/// Random metrics queries (fixed seeds) over random inferences: each store must answer every one
/// as <see cref="MetricsReference"/> computes it in LINQ, values up to a relative 1e-9.
/// </summary>
public abstract class MetricsDifferentialTests(ITestOutputHelper output)
{
    private const int DataSeed = 20260301;
    private const int QuerySeed = 7;
    private const int InferenceCount = 600;

    private readonly TenantId _tenant = TenantId.Parse("diff" + Guid.NewGuid().ToString("N")[..12]);

    protected abstract IInferenceStore Store { get; }

    protected abstract IMetricsStore Metrics { get; }

    /// <summary>How many queries the store answers in a few seconds.</summary>
    protected abstract int QueryCount { get; }

    [Fact]
    public async Task QueryMetrics_RandomQueries_MatchReference()
    {
        var data = MetricsDataGenerator.Generate(DataSeed, InferenceCount);
        foreach (var chunk in data.Chunk(200))
        {
            Record[] records = chunk.Select(i => i.AsRecord()).ToArray();
            await Store.WriteAsync(_tenant, RecordValidator.Validate(records, new Dictionary<string, MetricDefinition>(), Start), default);
        }

        var generator = new MetricsQueryGenerator(QuerySeed);
        var mismatches = new StringBuilder();
        var nonEmpty = 0;
        for (var i = 0; i < QueryCount; i++)
        {
            var query = generator.Next();
            var expected = MetricsReference.Evaluate(data, query);
            var actual = await Metrics.QueryMetricsAsync(_tenant, query, default);
            nonEmpty += expected.Count > 0 ? 1 : 0;
            if (!expected.SequenceEqual(actual, RowComparer.Instance))
            {
                mismatches.AppendLine($"query {i}: {query}")
                    .AppendLine("  expected: " + string.Join(" | ", expected.Select(RowComparer.Format)))
                    .AppendLine("  actual:   " + string.Join(" | ", actual.Select(RowComparer.Format)));
            }
        }

        output.WriteLine($"{QueryCount} queries, {nonEmpty} with rows");
        Assert.True(mismatches.Length == 0, mismatches.ToString());
        Assert.InRange(nonEmpty, QueryCount / 2, QueryCount);
    }
}
