using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Storage.Query;
using static InferenceGrpc.Storage.Tests.Golden.GoldenQueries;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;

namespace InferenceGrpc.Storage.Tests.Golden;

/// <summary>
/// The Cosmos SQL around the filter: selections, cursors, paging, output source, the count, and
/// orders (timestamp in the query; metric, relevance and turn index select sort keys only, and
/// the store sorts them).
/// </summary>
public sealed class CosmosPageGoldenTests
{
    private const string From = "SELECT c.body, c.demo FROM c WHERE c.tenant = @p0 AND c.kind = @p1 AND IS_NULL(c.deletedMs)";

    [Fact]
    public void CompilePage_EmptyQuery_NewestFirstFirstTwenty()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery(), null);

        GoldenAssert.Sql(From + " ORDER BY c.id DESC OFFSET @p2 LIMIT @p3", compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 0), ("@p3", 20)], compiled.Definition.GetQueryParameters());
        Assert.False(compiled.SortInMemory);
        Assert.False(compiled.ReverseResults);
    }

    [Fact]
    public void CompilePage_OrderByTimestampAscending_WholeSecondsThenNewestId()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.Timestamp, false)] }, null);

        GoldenAssert.Sql(From + " ORDER BY c.createdS ASC, c.id DESC OFFSET @p2 LIMIT @p3", compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 0), ("@p3", 20)], compiled.Definition.GetQueryParameters());
        Assert.False(compiled.SortInMemory);
    }

    [Fact]
    public void CompilePage_OrderByCreatedTimeOnly_ExactMillisecondsInTheQuery()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.CreatedTime, false)] }, null);

        GoldenAssert.Sql(From + " ORDER BY c.createdMs ASC, c.id DESC OFFSET @p2 LIMIT @p3", compiled.Definition.QueryText);
        Assert.False(compiled.SortInMemory);
    }

    [Fact]
    public void CompilePage_OrderByCreatedTimeThenTurnIndex_SelectsSortKeysForTheStore()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.CreatedTime, false), new InferenceOrder(OrderKey.TurnIndex, false)] }, null);

        Assert.StartsWith("SELECT c.id, c.createdS, c.createdMs, c.turnIndex", compiled.Definition.QueryText, StringComparison.Ordinal);
        Assert.True(compiled.SortInMemory);
    }

    [Fact]
    public void CompilePage_OrderByMetricRelevanceAndTurnIndex_SelectsSortKeysForTheStore()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery
        {
            Search = "Hello",
            OrderBy = [new InferenceOrder(OrderKey.Metric, true, Score), new InferenceOrder(OrderKey.SearchRelevance, true), new InferenceOrder(OrderKey.TurnIndex, false)],
            Offset = 5,
            Limit = 10,
        }, null);

        GoldenAssert.Sql("""
            SELECT c.id, c.createdS, c.createdMs, c.turnIndex, c.metrics, c.episodeMetrics, c.searchText FROM c
            WHERE c.tenant = @p0 AND c.kind = @p1 AND IS_NULL(c.deletedMs) AND CONTAINS(c.searchText, @p2)
            """, compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", "hello")], compiled.Definition.GetQueryParameters());
        Assert.True(compiled.SortInMemory);
    }

    [Fact]
    public void CompilePage_Before_OlderIdsNewestFirst()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { Before = Id(5), Limit = 3 }, null);

        GoldenAssert.Sql(From + " AND c.id < @p2 ORDER BY c.id DESC OFFSET @p3 LIMIT @p4", compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", Text(5)), ("@p3", 0), ("@p4", 3)], compiled.Definition.GetQueryParameters());
        Assert.False(compiled.ReverseResults);
    }

    [Fact]
    public void CompilePage_AfterWithTimestampDescending_InvertsEveryDirectionAndReverses()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { After = Id(5), OrderBy = [new InferenceOrder(OrderKey.Timestamp, true)], Limit = 3 }, null);

        GoldenAssert.Sql(From + " AND c.id > @p2 ORDER BY c.createdS ASC, c.id ASC OFFSET @p3 LIMIT @p4", compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", Text(5)), ("@p3", 0), ("@p4", 3)], compiled.Definition.GetQueryParameters());
        Assert.True(compiled.ReverseResults);
    }

    [Fact]
    public void CompilePage_OffsetAndLimit_BoundAsParameters()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { Offset = 40, Limit = 10 }, null);

        GoldenAssert.Sql(From + " ORDER BY c.id DESC OFFSET @p2 LIMIT @p3", compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 40), ("@p3", 10)], compiled.Definition.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_DemonstrationOutputSource_NeedsDenormalizedDemo()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { OutputSource = OutputSource.Demonstration }, null);

        GoldenAssert.Sql(From + " AND NOT IS_NULL(c.demo) ORDER BY c.id DESC OFFSET @p2 LIMIT @p3", compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 0), ("@p3", 20)], compiled.Definition.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_SelectionsAndTimeRange_EachBecomesACondition()
    {
        var evaluated = new EvaluationTargets([Text(3)], ["s9"]);
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery
        {
            FunctionName = "f",
            VariantName = "v",
            EpisodeId = Id(9),
            Ids = [Id(1), Id(2)],
            ExternalIds = ["x1"],
            SessionIds = ["s1", "s2"],
            EvaluationIds = ["ev1"],
            CreatedFrom = Noon,
            CreatedTo = Noon.AddSeconds(10),
            IncludeDeleted = true,
        }, evaluated);

        GoldenAssert.Sql("""
            SELECT c.body, c.demo FROM c
            WHERE c.tenant = @p0 AND c.kind = @p1 AND c.functionName = @p2 AND c.variantName = @p3 AND c.episodeId = @p4
              AND ARRAY_CONTAINS(@p5, c.id) AND ARRAY_CONTAINS(@p6, c.externalId) AND ARRAY_CONTAINS(@p7, c.sessionId)
              AND (ARRAY_CONTAINS(@p8, c.id) OR ARRAY_CONTAINS(@p9, c.sessionId))
              AND c.createdMs >= @p10 AND c.createdMs <= @p11
            ORDER BY c.id DESC OFFSET @p12 LIMIT @p13
            """, compiled.Definition.QueryText);
        GoldenAssert.Parameters(
            [("@p0", Tenant), ("@p1", "inference"), ("@p2", "f"), ("@p3", "v"), ("@p4", Text(9)), ("@p5", new[] { Text(1), Text(2) }), ("@p6", new[] { "x1" }),
             ("@p7", new[] { "s1", "s2" }), ("@p8", new[] { Text(3) }), ("@p9", new[] { "s9" }), ("@p10", 1772366400000L), ("@p11", 1772366410000L), ("@p12", 0), ("@p13", 20)],
            compiled.Definition.GetQueryParameters());
    }

    [Fact]
    public void CompilePage_EmptyIdList_MatchesNothing()
    {
        var compiled = CosmosQueryCompiler.CompilePage(Tenant, new InferenceQuery { Ids = [] }, null);

        GoldenAssert.Sql(From + " AND false ORDER BY c.id DESC OFFSET @p2 LIMIT @p3", compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", 0), ("@p3", 20)], compiled.Definition.GetQueryParameters());
    }

    [Fact]
    public void CompileCount_CursorsAndPaging_CountsEveryMatch()
    {
        var compiled = CosmosQueryCompiler.CompileCount(Tenant, new InferenceQuery
        {
            Filter = new TagNode("env", Comparison.Equal, "prod"),
            Before = Id(5),
            Limit = 3,
            OutputSource = OutputSource.Demonstration,
        }, null);

        GoldenAssert.Sql("""
            SELECT VALUE COUNT(1) FROM c
            WHERE c.tenant = @p0 AND c.kind = @p1 AND IS_NULL(c.deletedMs) AND NOT IS_NULL(c.demo)
              AND EXISTS(SELECT VALUE t FROM t IN c.tags WHERE t.k = @p2 AND t.v = @p3)
            """, compiled.Definition.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "inference"), ("@p2", "env"), ("@p3", "prod")], compiled.Definition.GetQueryParameters());
    }

    [Fact]
    public void CompileFetch_PageIds_ReadsTheDocumentsOfTheSortedPage()
    {
        var compiled = CosmosQueryCompiler.CompileFetch(Tenant, [Text(2), Text(1)]);

        GoldenAssert.Sql("SELECT c.id, c.body, c.demo FROM c WHERE c.tenant = @p0 AND ARRAY_CONTAINS(@p1, c.id)", compiled.QueryText);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", new[] { Text(2), Text(1) })], compiled.GetQueryParameters());
    }
}
