using InferenceGrpc.Storage.Tests.Reference;
using Xunit.Abstractions;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>Thousands of generated queries: SQLite must answer each exactly as the reference evaluator does.</summary>
public sealed class SqliteDifferentialTests(SqliteDifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteDifferentialFixture>
{
    /// <summary>SQLite answers one of these queries in about a millisecond, so 5,000 take a few seconds.</summary>
    private const int QueryCount = 5000;

    /// <summary>Enough queries to judge the generator's mix; the reference alone answers them.</summary>
    private const int SampleCount = 1000;

    [Fact]
    public async Task QueryInferences_RandomQueries_MatchReference()
    {
        var runner = new DifferentialRunner(DifferentialDataSet.Instance, [("sqlite", fixture.Store)]);

        var report = await runner.RunAsync(DifferentialDataSet.QuerySeed, QueryCount);

        output.WriteLine(report.ToString());
        Assert.True(report.TotalMismatches == 0, report.ToString());
    }

    [Fact]
    public void Generator_RandomQueries_MostMatchSomething()
    {
        var data = DifferentialDataSet.Instance;
        var generator = new QueryGenerator(DifferentialDataSet.QuerySeed, data.Pools);

        var pages = Enumerable.Range(0, SampleCount).Select(_ => ReferenceEvaluator.Evaluate(data.Reference, generator.Next())).ToList();

        // A generator whose queries mostly match nothing would compare empty lists and prove little.
        Assert.InRange(pages.Count(p => p.Ids.Count > 0), SampleCount / 2, SampleCount);
        Assert.InRange(pages.Count(p => p.Ids.Count > 1), SampleCount / 3, SampleCount);
    }
}
