using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Storage.Query;
using static InferenceGrpc.Storage.Tests.Golden.GoldenQueries;

namespace InferenceGrpc.Storage.Tests.Golden;

/// <summary>
/// The Cosmos SQL each filter node compiles to. Cosmos' undefined does not follow SQL NULL rules,
/// so the tree is two-valued: a metric leaf is an EXISTS over the denormalized latest values,
/// and NOT over a metric becomes "feedback exists and fails the comparison".
/// </summary>
public sealed class CosmosFilterGoldenTests
{
    private const string Select = "SELECT c.body, c.demo FROM c WHERE c.tenant = @p0 AND c.kind = @p1 AND IS_NULL(c.deletedMs) AND ";

    [Fact]
    public void CompilePage_FloatMetric_ExistsLatestValueOnInference()
    {
        var compiled = Compile(new FloatMetricNode(Score, Comparison.GreaterThan, 0.5));

        // The value is bound before the name: the comparison text is built first.
        GoldenAssert.Sql(Select + "EXISTS(SELECT VALUE m FROM m IN c.metrics WHERE m.n = @p3 AND m.v > @p2) ORDER BY c.id DESC OFFSET @p4 LIMIT @p5", compiled.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 0.5), ("@p3", "score"), ("@p4", 0), ("@p5", 20)], compiled.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_BooleanMetric_ComparesWithOneOrZero()
    {
        var compiled = Compile(new BooleanMetricNode(Score, true));

        GoldenAssert.Sql(Select + "EXISTS(SELECT VALUE m FROM m IN c.metrics WHERE m.n = @p3 AND m.v = @p2) ORDER BY c.id DESC OFFSET @p4 LIMIT @p5", compiled.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 1.0), ("@p3", "score"), ("@p4", 0), ("@p5", 20)], compiled.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_EpisodeLevelMetric_ReadsEpisodeMetrics()
    {
        var compiled = Compile(new BooleanMetricNode(Solved, false));

        GoldenAssert.Sql(Select + "EXISTS(SELECT VALUE m FROM m IN c.episodeMetrics WHERE m.n = @p3 AND m.v = @p2) ORDER BY c.id DESC OFFSET @p4 LIMIT @p5", compiled.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 0.0), ("@p3", "solved"), ("@p4", 0), ("@p5", 20)], compiled.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_TagNotEqual_NeedsKeyWithOtherValue()
    {
        var compiled = Compile(new TagNode("env", Comparison.NotEqual, "prod"));

        GoldenAssert.Sql(Select + "EXISTS(SELECT VALUE t FROM t IN c.tags WHERE t.k = @p2 AND t.v != @p3) ORDER BY c.id DESC OFFSET @p4 LIMIT @p5", compiled.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", "env"), ("@p3", "prod"), ("@p4", 0), ("@p5", 20)], compiled.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_Time_ComparesWholeSecondsWithFractionalInstant()
    {
        var compiled = Compile(new TimeNode(Comparison.LessThanOrEqual, Noon.AddMilliseconds(1500)));

        GoldenAssert.Sql(Select + "(c.createdS <= @p2) ORDER BY c.id DESC OFFSET @p3 LIMIT @p4", compiled.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 1772366401L), ("@p3", 0), ("@p4", 20)], compiled.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_Demonstration_TestsDenormalizedDemo()
    {
        var has = Compile(new DemonstrationNode(true));
        var hasNot = Compile(new DemonstrationNode(false));

        GoldenAssert.Sql(Select + "NOT IS_NULL(c.demo) ORDER BY c.id DESC OFFSET @p2 LIMIT @p3", has.QueryText);
        GoldenAssert.Sql(Select + "IS_NULL(c.demo) ORDER BY c.id DESC OFFSET @p2 LIMIT @p3", hasNot.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 0), ("@p3", 20)], hasNot.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_EmptyAndAndEmptyOr_AreTrueAndFalse()
    {
        var and = Compile(new AndNode([]));
        var or = Compile(new OrNode([]));

        GoldenAssert.Sql(Select + "true ORDER BY c.id DESC OFFSET @p2 LIMIT @p3", and.QueryText);
        GoldenAssert.Sql(Select + "false ORDER BY c.id DESC OFFSET @p2 LIMIT @p3", or.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 0), ("@p3", 20)], or.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_NotOverMetric_NeedsFeedbackThatFailsTheComparison()
    {
        var compiled = Compile(new NotNode(new FloatMetricNode(Score, Comparison.Equal, 1)));

        GoldenAssert.Sql(Select + "EXISTS(SELECT VALUE m FROM m IN c.metrics WHERE m.n = @p3 AND NOT (m.v = @p2)) ORDER BY c.id DESC OFFSET @p4 LIMIT @p5", compiled.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 1.0), ("@p3", "score"), ("@p4", 0), ("@p5", 20)], compiled.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_NotOverBooleanMetric_NeedsTheOtherValue()
    {
        var compiled = Compile(new NotNode(new BooleanMetricNode(Score, true)));

        GoldenAssert.Sql(Select + "EXISTS(SELECT VALUE m FROM m IN c.metrics WHERE m.n = @p3 AND m.v != @p2) ORDER BY c.id DESC OFFSET @p4 LIMIT @p5", compiled.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 1.0), ("@p3", "score"), ("@p4", 0), ("@p5", 20)], compiled.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_NestedTree_PushesNotOnlyIntoLeaves()
    {
        var compiled = Compile(new AndNode(
        [
            new OrNode([new TagNode("env", Comparison.Equal, "prod"), new FloatMetricNode(Score, Comparison.LessThan, 2)]),
            new NotNode(new AndNode([new TimeNode(Comparison.GreaterThan, Noon), new DemonstrationNode(true)])),
        ]));

        GoldenAssert.Sql(Select + """
            ((EXISTS(SELECT VALUE t FROM t IN c.tags WHERE t.k = @p2 AND t.v = @p3)
                OR EXISTS(SELECT VALUE m FROM m IN c.metrics WHERE m.n = @p5 AND m.v < @p4))
              AND (NOT ((c.createdS > @p6) AND NOT IS_NULL(c.demo))))
            ORDER BY c.id DESC OFFSET @p7 LIMIT @p8
            """, compiled.QueryText);
        GoldenAssert.Parameters(
            [("@p0", Tenant), ("@p1", "inference"), ("@p2", "env"), ("@p3", "prod"), ("@p4", 2.0), ("@p5", "score"), ("@p6", 1772366400L), ("@p7", 0), ("@p8", 20)],
            compiled.GetQueryParameters());
    }

    private static Microsoft.Azure.Cosmos.QueryDefinition Compile(FilterNode filter) =>
        CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { Filter = filter }, null).Definition;
}
