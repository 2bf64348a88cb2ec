using InferenceGrpc.Contracts.V1;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using Record = InferenceGrpc.Contracts.V1.Record;
using InferenceGrpc.Storage.Query;
using static InferenceGrpc.Storage.Tests.TestRecords;

namespace InferenceGrpc.Storage.Tests;

/// <summary>
/// The store contract, run against every backend: each derived class supplies a store and all
/// of these must pass unchanged. Every test writes to a tenant of its own.
/// </summary>
public abstract partial class StoreContractTests
{
    private readonly TenantId _tenant = TenantId.Parse("t" + Guid.NewGuid().ToString("N")[..12]);

    protected abstract IInferenceStore Store { get; }

    [Fact]
    public async Task GetInferences_KnownUnknownAndDuplicateIds_ReturnsKnownOnceNewestFirst()
    {
        await WriteAsync(Inference(1).AsRecord(), Inference(2).AsRecord(), Inference(3).AsRecord());

        var results = await Store.GetInferencesAsync(_tenant, [IdAt(1), IdAt(3), IdAt(3), IdAt(99)], OutputSource.Inference, default);

        Assert.Equal([Uuid7.Format(IdAt(3)), Uuid7.Format(IdAt(1))], results.Select(r => r.Inference.Id));
    }

    [Fact]
    public async Task Write_SameIdAgain_ReplacesRecordAndTags()
    {
        await WriteAsync(Inference(1, tags: ("env", "prod")).AsRecord());
        await WriteAsync(Inference(1, variant: "v2", tags: ("env", "dev")).AsRecord());

        var all = await QueryAsync(new InferenceQuery());
        var prod = await QueryAsync(new InferenceQuery { Filter = new TagNode("env", Comparison.Equal, "prod") });

        Assert.Equal("v2", Assert.Single(all).VariantName);
        Assert.Empty(prod);
    }

    [Fact]
    public async Task EveryRead_OtherTenant_SeesNothing()
    {
        await WriteAsync(FloatMetric("score").AsRecord(), Inference(1, function: "secret").AsRecord());
        var other = TenantId.Parse("other-" + _tenant.Value);

        Assert.Empty((await Store.QueryInferencesAsync(other, new InferenceQuery { IncludeDeleted = true }, default)).Items);
        Assert.Empty(await Store.GetInferencesAsync(other, [IdAt(1)], OutputSource.Inference, default));
        Assert.Empty(await Store.GetMetricDefinitionsAsync(other, default));
        Assert.False(await Store.FunctionExistsAsync(other, "secret", default));
        Assert.True(await Store.FunctionExistsAsync(_tenant, "secret", default));
    }

    [Fact]
    public async Task Query_LimitAndOffset_PagesNewestFirst()
    {
        await WriteAsync(Enumerable.Range(1, 5).Select(s => Inference(s).AsRecord()).ToArray());

        var page = await QueryAsync(new InferenceQuery { Limit = 2, Offset = 1 });

        Assert.Equal([IdAt(4), IdAt(3)], Ids(page));
    }

    [Fact]
    public async Task Query_BeforeAndAfter_ReturnOlderPageAndJustNewerPageStillNewestFirst()
    {
        await WriteAsync(Enumerable.Range(1, 6).Select(s => Inference(s).AsRecord()).ToArray());

        var before = await QueryAsync(new InferenceQuery { Before = IdAt(4), Limit = 2 });
        var after = await QueryAsync(new InferenceQuery { After = IdAt(2), Limit = 2 });

        Assert.Equal([IdAt(3), IdAt(2)], Ids(before));
        Assert.Equal([IdAt(4), IdAt(3)], Ids(after));
    }

    [Fact]
    public async Task Query_FunctionVariantAndEpisode_NarrowTheList()
    {
        var episode = Uuid7.Format(IdAt(100));
        await WriteAsync(Inference(1, "a", "x").AsRecord(), Inference(2, "a", "y", episode).AsRecord(), Inference(3, "b", "x", episode).AsRecord());

        Assert.Equal([IdAt(2), IdAt(1)], Ids(await QueryAsync(new InferenceQuery { FunctionName = "a" })));
        Assert.Equal([IdAt(1)], Ids(await QueryAsync(new InferenceQuery { FunctionName = "a", VariantName = "x" })));
        Assert.Equal([IdAt(3), IdAt(2)], Ids(await QueryAsync(new InferenceQuery { EpisodeId = Guid.Parse(episode) })));
    }

    [Fact]
    public async Task Query_TagFilter_MissingKeyFailsEqualAndNotEqual()
    {
        await WriteAsync(Inference(1, tags: ("env", "prod")).AsRecord(), Inference(2, tags: ("env", "dev")).AsRecord(), Inference(3).AsRecord());

        Assert.Equal([IdAt(1)], Ids(await QueryAsync(Filter(new TagNode("env", Comparison.Equal, "prod")))));
        Assert.Equal([IdAt(2)], Ids(await QueryAsync(Filter(new TagNode("env", Comparison.NotEqual, "prod")))));
        Assert.Equal([IdAt(3), IdAt(2)], Ids(await QueryAsync(Filter(new NotNode(new TagNode("env", Comparison.Equal, "prod"))))));
    }

    [Fact]
    public async Task Query_FloatMetric_ComparesLatestFeedbackOnly()
    {
        var one = Uuid7.Format(IdAt(1));
        var two = Uuid7.Format(IdAt(2));
        await WriteAsync(FloatMetric("score").AsRecord(), Inference(1).AsRecord(), Inference(2).AsRecord(), Inference(3).AsRecord(),
            Score(one, "score", 9, 10).AsRecord(), Score(one, "score", 1, 20).AsRecord(), Score(two, "score", 8, 10).AsRecord());

        var high = await QueryAsync(Filter(new FloatMetricNode(new MetricRef("score", FeedbackLevel.Inference), Comparison.GreaterThan, 5)));

        Assert.Equal([IdAt(2)], Ids(high));
    }

    [Fact]
    public async Task Query_NotOverMetric_InferenceWithoutFeedbackNeverMatches()
    {
        var one = Uuid7.Format(IdAt(1));
        await WriteAsync(BooleanMetric("ok").AsRecord(), Inference(1).AsRecord(), Inference(2).AsRecord(), Flag(one, "ok", false, 10).AsRecord());
        var isOk = new BooleanMetricNode(new MetricRef("ok", FeedbackLevel.Inference), true);

        Assert.Empty(await QueryAsync(Filter(isOk)));
        Assert.Equal([IdAt(1)], Ids(await QueryAsync(Filter(new NotNode(isOk)))));
        Assert.Equal([IdAt(1)], Ids(await QueryAsync(Filter(new OrNode([new NotNode(isOk), isOk])))));
    }

    [Fact]
    public async Task Query_EpisodeLevelMetric_AppliesToEveryInferenceOfTheEpisode()
    {
        var episode = Uuid7.Format(IdAt(100));
        await WriteAsync(BooleanMetric("solved", FeedbackLevel.Episode).AsRecord(), Inference(1, episode: episode).AsRecord(),
            Inference(2, episode: episode).AsRecord(), Inference(3).AsRecord(), Flag(episode, "solved", true, 10).AsRecord());

        var solved = await QueryAsync(Filter(new BooleanMetricNode(new MetricRef("solved", FeedbackLevel.Episode), true)));

        Assert.Equal([IdAt(2), IdAt(1)], Ids(solved));
    }

    [Fact]
    public async Task Query_EmptyAndOr_AreTrueAndFalse()
    {
        await WriteAsync(Inference(1).AsRecord());

        Assert.Single(await QueryAsync(Filter(new AndNode([]))));
        Assert.Empty(await QueryAsync(Filter(new OrNode([]))));
    }

    [Fact]
    public async Task Query_DemonstrationOutputSource_ReturnsOnlyDemonstratedWithLatestValue()
    {
        var one = Uuid7.Format(IdAt(1));
        await WriteAsync(Inference(1).AsRecord(), Inference(2).AsRecord(), Demonstration(one, "old", 10).AsRecord(), Demonstration(one, "new", 20).AsRecord());

        var page = await Store.QueryInferencesAsync(_tenant, new InferenceQuery { OutputSource = OutputSource.Demonstration }, default);
        var hasDemonstration = await QueryAsync(Filter(new DemonstrationNode(true)));
        var hasNone = await QueryAsync(Filter(new DemonstrationNode(false)));

        Assert.Equal("new", Assert.Single(page.Items).Demonstration!.StringValue);
        Assert.Equal([IdAt(1)], Ids(hasDemonstration));
        Assert.Equal([IdAt(2)], Ids(hasNone));
    }

    [Fact]
    public async Task Query_Search_IsCaseInsensitiveSubstringOfInputOrOutput()
    {
        await WriteAsync(Inference(1).AsRecord(), Inference(22).AsRecord());

        Assert.Equal([IdAt(22)], Ids(await QueryAsync(new InferenceQuery { Search = "ANSWER NUMBER 22" })));
        Assert.Equal([IdAt(1)], Ids(await QueryAsync(new InferenceQuery { Search = "question 1\"" })));
    }

    [Fact]
    public async Task Query_OrderByMetric_MissingValuesLastInBothDirections()
    {
        await WriteAsync(FloatMetric("score").AsRecord(), Inference(1).AsRecord(), Inference(2).AsRecord(), Inference(3).AsRecord(),
            Score(Uuid7.Format(IdAt(1)), "score", 5, 10).AsRecord(), Score(Uuid7.Format(IdAt(3)), "score", 7, 10).AsRecord());
        var metric = new MetricRef("score", FeedbackLevel.Inference);

        var ascending = await QueryAsync(new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.Metric, false, metric)] });
        var descending = await QueryAsync(new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.Metric, true, metric)] });

        Assert.Equal([IdAt(1), IdAt(3), IdAt(2)], Ids(ascending));
        Assert.Equal([IdAt(3), IdAt(1), IdAt(2)], Ids(descending));
    }

    [Fact]
    public async Task Query_TimeFilter_ComparesWholeSeconds()
    {
        await WriteAsync(Inference(1).AsRecord(), Inference(2).AsRecord(), Inference(3).AsRecord());

        var atOrAfter = await QueryAsync(Filter(new TimeNode(Comparison.GreaterThanOrEqual, Start.AddSeconds(2))));

        Assert.Equal([IdAt(3), IdAt(2)], Ids(atOrAfter));
    }

    [Fact]
    public async Task Query_IncludeTotalCount_CountsEveryMatchIgnoringPaging()
    {
        await WriteAsync(Enumerable.Range(1, 7).Select(s => Inference(s).AsRecord()).ToArray());

        var page = await Store.QueryInferencesAsync(_tenant, new InferenceQuery { Limit = 2, IncludeTotalCount = true }, default);

        Assert.Equal(2, page.Items.Count);
        Assert.Equal(7, page.TotalCount);
    }

    [Fact]
    public async Task Query_SoftDeleted_HiddenUnlessAskedFor()
    {
        var deleted = Inference(2);
        deleted.DeleteTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Start.AddDays(1));
        await WriteAsync(Inference(1).AsRecord(), deleted.AsRecord());

        Assert.Equal([IdAt(1)], Ids(await QueryAsync(new InferenceQuery())));
        Assert.Equal([IdAt(2), IdAt(1)], Ids(await QueryAsync(new InferenceQuery { IncludeDeleted = true })));
    }

    [Fact]
    public async Task Query_SessionsExternalIdsAndInclusiveTimeRange_Narrow()
    {
        var records = Enumerable.Range(1, 4).Select(s =>
        {
            var inference = Inference(s);
            inference.SessionId = s <= 2 ? "s-a" : "s-b";
            inference.ExternalId = $"ir_{s}";
            inference.TurnIndex = 10 - s;
            return inference.AsRecord();
        }).ToArray();
        await WriteAsync(records);

        Assert.Equal([IdAt(2), IdAt(1)], Ids(await QueryAsync(new InferenceQuery { SessionIds = ["s-a"] })));
        Assert.Equal([IdAt(3)], Ids(await QueryAsync(new InferenceQuery { ExternalIds = ["ir_3"] })));
        Assert.Equal([IdAt(3), IdAt(2)], Ids(await QueryAsync(new InferenceQuery { CreatedFrom = Start.AddSeconds(2), CreatedTo = Start.AddSeconds(3) })));
        Assert.Equal([IdAt(4), IdAt(3), IdAt(2), IdAt(1)], Ids(await QueryAsync(new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.TurnIndex, false)] })));
    }

    [Fact]
    public async Task Query_EvaluationIds_SelectTheInferencesEvaluated()
    {
        await WriteAsync(Inference(1).AsRecord(), Inference(2).AsRecord(),
            new Record { InferenceEvaluation = new InferenceEvaluation { Id = "ev1", InferenceId = Uuid7.Format(IdAt(2)), MetricId = "m" } });

        Assert.Equal([IdAt(2)], Ids(await QueryAsync(new InferenceQuery { EvaluationIds = ["ev1"] })));
    }

    [Fact]
    public async Task GetMetricDefinitions_AfterWrite_ReturnsThemByName()
    {
        await WriteAsync(FloatMetric("score").AsRecord(), BooleanMetric("ok", FeedbackLevel.Episode).AsRecord());

        var metrics = await Store.GetMetricDefinitionsAsync(_tenant, default);

        Assert.Equal(FeedbackLevel.Episode, metrics["ok"].Level);
        Assert.Equal(MetricType.Float, metrics["score"].Type);
    }

    protected async Task WriteAsync(params Record[] records)
    {
        var metrics = await Store.GetMetricDefinitionsAsync(_tenant, default);
        await Store.WriteAsync(_tenant, RecordValidator.Validate(records, metrics, Start), default);
    }

    private static InferenceQuery Filter(FilterNode node) => new() { Filter = node };

    private async Task<IReadOnlyList<Inference>> QueryAsync(InferenceQuery query) =>
        (await Store.QueryInferencesAsync(_tenant, query, default)).Items.Select(r => r.Inference).ToList();

    private static IEnumerable<Guid> Ids(IEnumerable<Inference> inferences) => inferences.Select(i => Guid.Parse(i.Id));
}
