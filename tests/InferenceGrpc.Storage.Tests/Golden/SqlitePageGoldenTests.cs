using InferenceGrpc.Storage.Query;
using InferenceGrpc.Storage.Sqlite;
using static InferenceGrpc.Storage.Tests.Golden.GoldenQueries;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;

namespace InferenceGrpc.Storage.Tests.Golden;

/// <summary>The SQL of everything around the filter on SQLite: selections, order keys, cursors, paging, output source and the count.</summary>
public sealed class SqlitePageGoldenTests
{
    private const string From = "SELECT i.body, NULL FROM inferences i WHERE i.tenant = @p0 AND i.deleted_ms IS NULL";

    [Fact]
    public void CompilePage_EmptyQuery_NewestFirstFirstTwenty()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery());

        GoldenAssert.Sql(From + " ORDER BY i.id DESC LIMIT @p1 OFFSET @p2", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 20), ("@p2", 0)], Parameters(compiled));
        Assert.False(compiled.ReverseResults);
    }

    [Fact]
    public void CompilePage_OrderByTimestampAscending_WholeSecondsThenNewestId()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.Timestamp, false)] });

        GoldenAssert.Sql(From + " ORDER BY (i.created_ms / 1000) ASC, i.id DESC LIMIT @p1 OFFSET @p2", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 20), ("@p2", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_OrderByCreatedTimeDescending_ExactMillisecondsThenNewestId()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.CreatedTime, true)] });

        GoldenAssert.Sql(From + " ORDER BY i.created_ms DESC, i.id DESC LIMIT @p1 OFFSET @p2", compiled.Sql);
    }

    [Fact]
    public void CompilePage_OrderByMetricDescending_MissingValuesLast()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.Metric, true, Score)] });

        GoldenAssert.Sql(From + """
             ORDER BY (SELECT m.value FROM latest_metrics m WHERE m.tenant = i.tenant AND m.metric_name = @p1 AND m.target_id = i.id) DESC NULLS LAST,
              i.id DESC
             LIMIT @p2 OFFSET @p3
            """, compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "score"), ("@p2", 20), ("@p3", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_OrderBySearchRelevance_CountsOccurrencesOfLowerCasedTerm()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { Search = "Hello", OrderBy = [new InferenceOrder(OrderKey.SearchRelevance, true)] });

        GoldenAssert.Sql(From + """
             AND instr(i.search_text, @p1) > 0
             ORDER BY ((length(i.search_text) - length(replace(i.search_text, @p2, ''))) / max(length(@p2), 1)) DESC, i.id DESC
             LIMIT @p3 OFFSET @p4
            """, compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "hello"), ("@p2", "hello"), ("@p3", 20), ("@p4", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_OrderByTurnIndex_MissingValuesLast()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.TurnIndex, false)] });

        GoldenAssert.Sql(From + " ORDER BY i.turn_index ASC NULLS LAST, i.id DESC LIMIT @p1 OFFSET @p2", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 20), ("@p2", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_Before_OlderIdsNewestFirst()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { Before = Id(5), Limit = 3 });

        GoldenAssert.Sql(From + " AND i.id < @p1 ORDER BY i.id DESC LIMIT @p2 OFFSET @p3", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", Bytes(5)), ("@p2", 3), ("@p3", 0)], Parameters(compiled));
        Assert.False(compiled.ReverseResults);
    }

    [Fact]
    public void CompilePage_AfterWithTimestampDescending_InvertsEveryDirectionAndReverses()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { After = Id(5), OrderBy = [new InferenceOrder(OrderKey.Timestamp, true)], Limit = 3 });

        GoldenAssert.Sql(From + " AND i.id > @p1 ORDER BY (i.created_ms / 1000) ASC, i.id ASC LIMIT @p2 OFFSET @p3", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", Bytes(5)), ("@p2", 3), ("@p3", 0)], Parameters(compiled));
        Assert.True(compiled.ReverseResults);
    }

    [Fact]
    public void CompilePage_OffsetAndLimit_BoundAsParameters()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { Offset = 40, Limit = 10 });

        GoldenAssert.Sql(From + " ORDER BY i.id DESC LIMIT @p1 OFFSET @p2", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 10), ("@p2", 40)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_DemonstrationOutputSource_InnerJoinsLatestDemonstration()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { OutputSource = OutputSource.Demonstration });

        GoldenAssert.Sql("""
            SELECT i.body, d.value FROM inferences i JOIN latest_demonstrations d ON d.tenant = i.tenant AND d.inference_id = i.id
            WHERE i.tenant = @p0 AND i.deleted_ms IS NULL ORDER BY i.id DESC LIMIT @p1 OFFSET @p2
            """, compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 20), ("@p2", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_SelectionsAndTimeRange_EachBecomesACondition()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery
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
        });

        GoldenAssert.Sql("""
            SELECT i.body, NULL FROM inferences i
            WHERE i.tenant = @p0 AND i.function_name = @p1 AND i.variant_name = @p2 AND i.episode_id = @p3
              AND i.id IN (@p4, @p5) AND i.external_id IN (@p6) AND i.session_id IN (@p7, @p8)
              AND (i.id IN (SELECT e.inference_id FROM inference_evaluations e WHERE e.tenant = i.tenant AND e.id IN (@p9))
                OR i.session_id IN (SELECT e.session_id FROM inference_evaluations e WHERE e.tenant = i.tenant AND e.id IN (@p9) AND e.inference_id IS NULL))
              AND i.created_ms >= @p10 AND i.created_ms <= @p11
            ORDER BY i.id DESC LIMIT @p12 OFFSET @p13
            """, compiled.Sql);
        GoldenAssert.Parameters(
            [("@p0", Tenant), ("@p1", "f"), ("@p2", "v"), ("@p3", Bytes(9)), ("@p4", Bytes(1)), ("@p5", Bytes(2)), ("@p6", "x1"), ("@p7", "s1"), ("@p8", "s2"),
             ("@p9", "ev1"), ("@p10", 1772366400000L), ("@p11", 1772366410000L), ("@p12", 20), ("@p13", 0)],
            Parameters(compiled));
    }

    [Fact]
    public void CompilePage_EmptyIdList_MatchesNothing()
    {
        var compiled = SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { Ids = [] });

        GoldenAssert.Sql(From + " AND 0 ORDER BY i.id DESC LIMIT @p1 OFFSET @p2", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 20), ("@p2", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompileCount_CursorsAndPaging_CountsEveryMatch()
    {
        var compiled = SqliteQueryCompiler.CompileCount(Tenant, new InferenceQuery
        {
            Filter = new TagNode("env", Comparison.Equal, "prod"),
            Before = Id(5),
            Limit = 3,
            OutputSource = OutputSource.Demonstration,
        });

        GoldenAssert.Sql("""
            SELECT COUNT(*) FROM inferences i JOIN latest_demonstrations d ON d.tenant = i.tenant AND d.inference_id = i.id
            WHERE i.tenant = @p0 AND i.deleted_ms IS NULL
              AND COALESCE(EXISTS (SELECT 1 FROM inference_tags t WHERE t.tenant = i.tenant AND t.inference_id = i.id AND t.key = @p1 AND t.value = @p2), 0)
            """, compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "env"), ("@p2", "prod")], Parameters(compiled));
    }

    private static IEnumerable<(string, object)> Parameters(CompiledQuery compiled) => compiled.Parameters.Select(p => (p.Key, p.Value));
}
