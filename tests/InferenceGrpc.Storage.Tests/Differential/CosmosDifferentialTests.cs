using Xunit.Abstractions;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// Generated queries on Cosmos (through the real SDK and the test server), compared with the
/// reference and with SQLite. Fewer than on SQLite: each query is an HTTP round trip or two.
/// </summary>
public sealed class CosmosDifferentialTests(CosmosDifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<CosmosDifferentialFixture>
{
    /// <summary>About 5 ms a query through the SDK and the test server: 1,500 take under ten seconds.</summary>
    private const int QueryCount = 1500;

    [Fact]
    public async Task QueryInferences_RandomQueries_MatchReferenceAndSqlite()
    {
        var runner = new DifferentialRunner(DifferentialDataSet.Instance, [("cosmos", fixture.Cosmos), ("sqlite", fixture.Sqlite.Store)]);

        var report = await runner.RunAsync(DifferentialDataSet.QuerySeed, QueryCount);

        output.WriteLine(report.ToString());
        Assert.True(report.TotalMismatches == 0, report.ToString());
    }
}
