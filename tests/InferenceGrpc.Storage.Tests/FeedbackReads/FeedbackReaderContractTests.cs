using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.Storage.Tests.TestRecords;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests.FeedbackReads;

/// <summary>
/// The feedback-reader contract, run against every backend: each derived class supplies the
/// stores and all of these must pass unchanged. Every test writes to a tenant of its own.
/// </summary>
public abstract class FeedbackReaderContractTests
{
    private readonly TenantId _tenant = TenantId.Parse("acme/f" + Guid.NewGuid().ToString("N")[..12]);

    protected abstract IInferenceStore Store { get; }

    protected abstract IFeedbackReader Reader { get; }

    [Fact]
    public async Task ReadByTarget_EveryKind_NewestFirstOnlyThatTarget()
    {
        var inference = Inference(0);
        var other = Inference(1);
        await WriteAsync(
            FloatMetric("score").AsRecord(), BooleanMetric("ok").AsRecord(), inference.AsRecord(), other.AsRecord(),
            Score(inference.Id, "score", 0.25, 10).AsRecord(),
            Flag(inference.Id, "ok", true, 12).AsRecord(),
            Comment(inference.Id, "too long", 11).AsRecord(),
            Demonstration(inference.Id, "better", 13).AsRecord(),
            Score(inference.Id, "score", 0.75, 14).AsRecord(),
            Score(other.Id, "score", 0.5, 15).AsRecord());

        var read = await Reader.ReadByTargetAsync(_tenant, Guid.Parse(inference.Id), 100, default);

        Assert.Equal(new object?[] { 0.75, null, true, "too long", 0.25 }, read.Select(ValueOf));
        Assert.Equal(Demonstration(inference.Id, "better", 13).Demonstration, read[1].Demonstration);
        Assert.All(read, f => Assert.Equal(inference.Id, f.TargetId));
    }

    [Fact]
    public async Task ReadByTarget_SameMillisecond_LargerIdFirstWhateverTheSubMillisecondTime()
    {
        var inference = Inference(0);
        var earlierId = Comment(inference.Id, "earlier id", 10);
        earlierId.CreateTime = Timestamp.FromDateTimeOffset(Start.AddSeconds(10).AddTicks(6_000));
        var laterId = Comment(inference.Id, "later id", 10);
        laterId.Id = Uuid7.Format(IdAt(10, 5));
        laterId.CreateTime = Timestamp.FromDateTimeOffset(Start.AddSeconds(10).AddTicks(3_000));
        await WriteAsync(inference.AsRecord(), earlierId.AsRecord(), laterId.AsRecord());

        var read = await Reader.ReadByTargetAsync(_tenant, Guid.Parse(inference.Id), 100, default);

        Assert.Equal(["later id", "earlier id"], read.Select(f => f.Comment));
    }

    [Fact]
    public async Task ReadByTarget_Limit_KeepsTheNewest()
    {
        var inference = Inference(0);
        await WriteAsync([inference.AsRecord(), .. Enumerable.Range(10, 5).Select(second => Comment(inference.Id, "c" + second, second).AsRecord())]);

        var read = await Reader.ReadByTargetAsync(_tenant, Guid.Parse(inference.Id), 2, default);

        Assert.Equal(["c14", "c13"], read.Select(f => f.Comment));
    }

    [Fact]
    public async Task ReadByTarget_EpisodeOfAnyUuidVersion_ReturnsItsEpisodeFeedback()
    {
        var episode = Guid.NewGuid().ToString();
        await WriteAsync(
            FloatMetric("session_score", FeedbackLevel.Episode).AsRecord(), Inference(0, episode: episode).AsRecord(),
            Score(episode, "session_score", 0.5, 10).AsRecord());

        var read = Assert.Single(await Reader.ReadByTargetAsync(_tenant, Guid.Parse(episode), 100, default));

        Assert.Equal(FeedbackLevel.Episode, read.Level);
        Assert.Equal(0.5, read.FloatValue);
    }

    [Fact]
    public async Task ReadByTarget_OtherTenantOrUnknownTarget_ReturnsNothing()
    {
        var inference = Inference(0);
        await WriteAsync(inference.AsRecord(), Comment(inference.Id, "private", 10).AsRecord());
        var other = TenantId.Parse("other/" + _tenant.Value.Split('/')[1]);

        Assert.Empty(await Reader.ReadByTargetAsync(other, Guid.Parse(inference.Id), 100, default));
        Assert.Empty(await Reader.ReadByTargetAsync(_tenant, IdAt(99), 100, default));
    }

    private static object? ValueOf(Feedback feedback) => feedback.ValueCase switch
    {
        Feedback.ValueOneofCase.FloatValue => feedback.FloatValue,
        Feedback.ValueOneofCase.BooleanValue => feedback.BooleanValue,
        Feedback.ValueOneofCase.Comment => feedback.Comment,
        _ => null,
    };

    private async Task WriteAsync(params Record[] records)
    {
        var metrics = await Store.GetMetricDefinitionsAsync(_tenant, default);
        await Store.WriteAsync(_tenant, RecordValidator.Validate(records, metrics, Start), default);
    }
}
