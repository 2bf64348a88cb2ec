using InferenceGrpc.Storage.Query;
using InferenceGrpc.Storage.Sqlite;
using static InferenceGrpc.Storage.Tests.Golden.GoldenQueries;

namespace InferenceGrpc.Storage.Tests.Golden;

/// <summary>
/// The SQL each filter node compiles to on SQLite: metric leaves are NULL without feedback,
/// and/or wrap children in COALESCE(…, 0), not is NOT COALESCE(…, 1), and the whole tree is
/// COALESCE(…, 0), which is TensorZero's "unknown never matches".
/// </summary>
public sealed class SqliteFilterGoldenTests
{
    private const string Select = "SELECT i.body, NULL FROM inferences i WHERE i.tenant = @p0 AND i.deleted_ms IS NULL AND ";
    private const string LatestScore = "(SELECT m.value FROM latest_metrics m WHERE m.tenant = i.tenant AND m.metric_name = @p1 AND m.target_id = i.id)";

    [Fact]
    public void CompilePage_FloatMetric_ComparesLatestValueOfInference()
    {
        var compiled = Compile(new FloatMetricNode(Score, Comparison.GreaterThan, 0.5));

        GoldenAssert.Sql(Select + $"COALESCE(({LatestScore} > @p2), 0) ORDER BY i.id DESC LIMIT @p3 OFFSET @p4", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "score"), ("@p2", 0.5), ("@p3", 20), ("@p4", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_BooleanMetric_ComparesWithOneOrZero()
    {
        var compiled = Compile(new BooleanMetricNode(Score, true));

        GoldenAssert.Sql(Select + $"COALESCE(({LatestScore} = @p2), 0) ORDER BY i.id DESC LIMIT @p3 OFFSET @p4", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "score"), ("@p2", 1.0), ("@p3", 20), ("@p4", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_EpisodeLevelMetric_JoinsOnEpisodeId()
    {
        var compiled = Compile(new BooleanMetricNode(Solved, false));

        GoldenAssert.Sql(Select + """
            COALESCE(((SELECT m.value FROM latest_metrics m WHERE m.tenant = i.tenant AND m.metric_name = @p1 AND m.target_id = i.episode_id) = @p2), 0)
            ORDER BY i.id DESC LIMIT @p3 OFFSET @p4
            """, compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "solved"), ("@p2", 0.0), ("@p3", 20), ("@p4", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_TagEqual_NeedsKeyWithValue()
    {
        var compiled = Compile(new TagNode("env", Comparison.Equal, "prod"));

        GoldenAssert.Sql(Select + """
            COALESCE(EXISTS (SELECT 1 FROM inference_tags t WHERE t.tenant = i.tenant AND t.inference_id = i.id AND t.key = @p1 AND t.value = @p2), 0)
            ORDER BY i.id DESC LIMIT @p3 OFFSET @p4
            """, compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "env"), ("@p2", "prod"), ("@p3", 20), ("@p4", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_TagNotEqual_NeedsKeyWithOtherValue()
    {
        var compiled = Compile(new TagNode("env", Comparison.NotEqual, "prod"));

        GoldenAssert.Sql(Select + """
            COALESCE(EXISTS (SELECT 1 FROM inference_tags t WHERE t.tenant = i.tenant AND t.inference_id = i.id AND t.key = @p1 AND t.value != @p2), 0)
            ORDER BY i.id DESC LIMIT @p3 OFFSET @p4
            """, compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "env"), ("@p2", "prod"), ("@p3", 20), ("@p4", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_Time_ComparesWholeSecondsWithFractionalInstant()
    {
        var compiled = Compile(new TimeNode(Comparison.LessThanOrEqual, Noon.AddMilliseconds(1500)));

        GoldenAssert.Sql(Select + "COALESCE(((i.created_ms / 1000) <= @p1), 0) ORDER BY i.id DESC LIMIT @p2 OFFSET @p3", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 1772366401L), ("@p2", 20), ("@p3", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_HasNoDemonstration_TestsLatestDemonstrationAbsent()
    {
        var compiled = Compile(new DemonstrationNode(false));

        GoldenAssert.Sql(Select + """
            COALESCE((NOT EXISTS (SELECT 1 FROM latest_demonstrations ld WHERE ld.tenant = i.tenant AND ld.inference_id = i.id)), 0)
            ORDER BY i.id DESC LIMIT @p1 OFFSET @p2
            """, compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 20), ("@p2", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_EmptyAnd_IsTrue()
    {
        var compiled = Compile(new AndNode([]));

        GoldenAssert.Sql(Select + "COALESCE(1, 0) ORDER BY i.id DESC LIMIT @p1 OFFSET @p2", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 20), ("@p2", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_EmptyOr_IsFalse()
    {
        var compiled = Compile(new OrNode([]));

        GoldenAssert.Sql(Select + "COALESCE(0, 0) ORDER BY i.id DESC LIMIT @p1 OFFSET @p2", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", 20), ("@p2", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_NotOverMetric_TreatsMissingFeedbackAsTrueBeforeNegating()
    {
        var compiled = Compile(new NotNode(new FloatMetricNode(Score, Comparison.Equal, 1)));

        GoldenAssert.Sql(Select + $"COALESCE((NOT COALESCE(({LatestScore} = @p2), 1)), 0) ORDER BY i.id DESC LIMIT @p3 OFFSET @p4", compiled.Sql);
        GoldenAssert.Parameters([("@p0", Tenant), ("@p1", "score"), ("@p2", 1.0), ("@p3", 20), ("@p4", 0)], Parameters(compiled));
    }

    [Fact]
    public void CompilePage_NestedTree_WrapsEveryChildInCoalesce()
    {
        var compiled = Compile(new AndNode(
        [
            new OrNode([new TagNode("env", Comparison.Equal, "prod"), new FloatMetricNode(Score, Comparison.LessThan, 2)]),
            new NotNode(new AndNode([new TimeNode(Comparison.GreaterThan, Noon), new DemonstrationNode(true)])),
        ]));

        GoldenAssert.Sql(Select + """
            COALESCE((
              COALESCE((
                COALESCE(EXISTS (SELECT 1 FROM inference_tags t WHERE t.tenant = i.tenant AND t.inference_id = i.id AND t.key = @p1 AND t.value = @p2), 0)
                OR COALESCE(((SELECT m.value FROM latest_metrics m WHERE m.tenant = i.tenant AND m.metric_name = @p3 AND m.target_id = i.id) < @p4), 0)
              ), 0)
              AND COALESCE((NOT COALESCE((
                COALESCE(((i.created_ms / 1000) > @p5), 0)
                AND COALESCE((EXISTS (SELECT 1 FROM latest_demonstrations ld WHERE ld.tenant = i.tenant AND ld.inference_id = i.id)), 0)
              ), 1)), 0)
            ), 0)
            ORDER BY i.id DESC LIMIT @p6 OFFSET @p7
            """, compiled.Sql);
        GoldenAssert.Parameters(
            [("@p0", Tenant), ("@p1", "env"), ("@p2", "prod"), ("@p3", "score"), ("@p4", 2.0), ("@p5", 1772366400L), ("@p6", 20), ("@p7", 0)],
            Parameters(compiled));
    }

    private static CompiledQuery Compile(FilterNode filter) => SqliteQueryCompiler.CompilePage(Tenant, new InferenceQuery { Filter = filter });

    private static IEnumerable<(string, object)> Parameters(CompiledQuery compiled) => compiled.Parameters.Select(p => (p.Key, p.Value));
}
