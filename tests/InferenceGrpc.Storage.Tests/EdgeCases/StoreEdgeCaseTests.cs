using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;
using static InferenceGrpc.Storage.Tests.TestRecords;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests.EdgeCases;

/// <summary>
/// Edge cases the differential test does not generate, each the smallest repro of a case where
/// a store departed from the spec or from the other store. Run against every backend, like the
/// contract suite; every test writes to a tenant of its own.
/// </summary>
public abstract class StoreEdgeCaseTests
{
    private readonly TenantId _tenant = TenantId.Parse("edge" + Guid.NewGuid().ToString("N")[..12]);

    protected abstract IInferenceStore Store { get; }

    [Fact]
    public async Task Query_OrderByTimestampEitherDirection_OrdersByWholeSecond()
    {
        await WriteAsync(Inference(1).AsRecord(), Inference(2).AsRecord(), Inference(3).AsRecord());

        var ascending = await IdsAsync(new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.Timestamp, false)] });
        var descending = await IdsAsync(new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.Timestamp, true)] });

        Assert.Equal([IdAt(1), IdAt(2), IdAt(3)], ascending);
        Assert.Equal([IdAt(3), IdAt(2), IdAt(1)], descending);
    }

    [Fact]
    public async Task Query_AfterWithTimestampDescending_ReturnsJustNewerPageNewestFirst()
    {
        await WriteAsync(Enumerable.Range(1, 6).Select(s => Inference(s).AsRecord()).ToArray());

        var after = await IdsAsync(new InferenceQuery { After = IdAt(2), OrderBy = [new InferenceOrder(OrderKey.Timestamp, true)], Limit = 2 });

        Assert.Equal([IdAt(4), IdAt(3)], after);
    }

    [Theory]
    [InlineData("N")]
    [InlineData("B")]
    [InlineData("D-upper")]
    public async Task Query_EvaluationNamingInferenceInOtherUuidForm_SelectsThatInference(string form)
    {
        var target = IdAt(2);
        var text = form == "D-upper" ? target.ToString("D").ToUpperInvariant() : target.ToString(form);
        await WriteAsync(Inference(1).AsRecord(), Inference(2).AsRecord(), Evaluation("ev1", text));

        Assert.Equal([target], await IdsAsync(new InferenceQuery { EvaluationIds = ["ev1"] }));
    }

    [Fact]
    public async Task Write_EvaluationNamingInferenceAsUrn_IsStoredAndSelectsThatInference()
    {
        // The validator accepts every form Uuid7.TryParse does, urn:uuid: included.
        await WriteAsync(Inference(1).AsRecord(), Inference(2).AsRecord(), Evaluation("ev1", "urn:uuid:" + Uuid7.Format(IdAt(2))));

        Assert.Equal([IdAt(2)], await IdsAsync(new InferenceQuery { EvaluationIds = ["ev1"] }));
    }

    [Fact]
    public async Task Write_EpisodeIdNotVersion7WithHighBits_IsStoredAndItsMetricsApply()
    {
        // Episode ids need not be UUIDv7 (spec 1.2: the list endpoint does not check the version).
        const string Episode = "f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b";
        await WriteAsync(BooleanMetric("solved", FeedbackLevel.Episode).AsRecord(), Inference(1, episode: Episode).AsRecord(),
            Flag(Episode, "solved", true, 10).AsRecord());

        var byEpisode = await IdsAsync(new InferenceQuery { EpisodeId = Guid.Parse(Episode) });
        var solved = await IdsAsync(new InferenceQuery { Filter = new BooleanMetricNode(new MetricRef("solved", FeedbackLevel.Episode), true) });

        Assert.Equal([IdAt(1)], byEpisode);
        Assert.Equal([IdAt(1)], solved);
    }

    [Fact]
    public async Task Query_TimeFilterWithSubMillisecondInstant_ComparesTheExactInstant()
    {
        await WriteAsync(Inference(5).AsRecord());

        // Second 5 is before 5.0000001 s; truncating the instant to milliseconds makes it 5.0 and drops the row.
        var before = await IdsAsync(new InferenceQuery { Filter = new TimeNode(Comparison.LessThan, Start.AddSeconds(5).AddTicks(1)) });

        Assert.Equal([IdAt(5)], before);
    }

    /// <summary>
    /// "Latest" compares create times at millisecond precision (the precision of UUIDv7 ids, and
    /// of the stores' time columns), then feedback ids: within one millisecond the larger id wins,
    /// whatever the sub-millisecond times say. A documented choice (docs/storage.md).
    /// </summary>
    [Fact]
    public async Task Query_FeedbackInSameMillisecond_LargerIdWins()
    {
        var target = Uuid7.Format(IdAt(1));
        var laterWithSmallerId = Score(target, "score", 1, 10);
        laterWithSmallerId.CreateTime = Timestamp.FromDateTimeOffset(Start.AddSeconds(10).AddTicks(5000));
        var earlierWithLargerId = Score(target, "score", 2, 10);
        earlierWithLargerId.Id = Uuid7.Format(IdAt(10, 9));
        earlierWithLargerId.CreateTime = Timestamp.FromDateTimeOffset(Start.AddSeconds(10).AddTicks(1000));
        await WriteAsync(FloatMetric("score").AsRecord(), Inference(1).AsRecord(), laterWithSmallerId.AsRecord(), earlierWithLargerId.AsRecord());

        var latestIsTwo = await IdsAsync(new InferenceQuery { Filter = new FloatMetricNode(new MetricRef("score", FeedbackLevel.Inference), Comparison.Equal, 2) });

        Assert.Equal([IdAt(1)], latestIsTwo);
    }

    private static Record Evaluation(string id, string inferenceId) =>
        new() { InferenceEvaluation = new InferenceEvaluation { Id = id, InferenceId = inferenceId, MetricId = "m" } };

    private async Task WriteAsync(params Record[] records)
    {
        var metrics = await Store.GetMetricDefinitionsAsync(_tenant, default);
        await Store.WriteAsync(_tenant, RecordValidator.Validate(records, metrics, Start), default);
    }

    private async Task<List<Guid>> IdsAsync(InferenceQuery query) =>
        (await Store.QueryInferencesAsync(_tenant, query, default)).Items.Select(r => Guid.Parse(r.Inference.Id)).ToList();
}
