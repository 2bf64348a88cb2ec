using Google.Protobuf;
using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Cli.Tests;

/// <summary><c>inferencectl feedback ID</c> against the ingested sample data.</summary>
[Collection(SharedCliServer.Name)]
public sealed class FeedbackCommandTests(CliServer server)
{
    [Fact]
    public async Task Feedback_as_json_prints_the_inferences_and_its_episodes_newest_first()
    {
        var inference = Busiest();

        var run = await server.RunAsync("feedback", inference.Id, "-o", "json");

        Assert.Equal(0, run.ExitCode);
        var reply = JsonParser.Default.Parse<GetInferenceFeedbackResponse>(run.Output);
        Assert.Equal(inference.EpisodeId, reply.EpisodeId);
        Assert.Equal(NewestFirst(inference.Id), reply.InferenceFeedback.Select(f => f.Id));
        Assert.Equal(NewestFirst(inference.EpisodeId), reply.EpisodeFeedback.Select(f => f.Id));
        Assert.NotEmpty(reply.EpisodeFeedback);
    }

    [Fact]
    public async Task Feedback_as_a_table_marks_each_row_inference_or_episode()
    {
        var inference = Busiest();
        var metric = FeedbackOf(inference.Id).First(f => f.MetricName.Length > 0).MetricName;

        var run = await server.RunAsync("feedback", inference.Id, "--limit", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("time (UTC)", run.Output);
        Assert.Contains(NewestFirst(inference.Id).First(), run.Output);
        Assert.Contains(NewestFirst(inference.EpisodeId).First(), run.Output);
        Assert.Contains(" episode ", run.Output);
        Assert.Contains("1 inference feedback, 1 episode feedback", run.Error);
        Assert.Contains(metric, (await server.RunAsync("feedback", inference.Id)).Output);
    }

    [Theory]
    [InlineData("0190e8f6-0000-7000-8000-000000000000", "error: NotFound: Unknown inference")]
    [InlineData("not-a-uuid", "inference_id")]
    public async Task Feedback_of_an_unknown_or_malformed_id_exits_1_with_the_status(string id, string message)
    {
        var run = await server.RunAsync("feedback", id);

        Assert.Equal(ExitCodes.CallFailed, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Feedback_as_jsonl_is_a_usage_error()
    {
        var run = await server.RunAsync("feedback", Busiest().Id, "-o", "jsonl");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    /// <summary>The live inference with the most feedback of its own among those whose episode has feedback.</summary>
    private Inference Busiest() => server.Records
        .Where(r => r.KindCase == Record.KindOneofCase.Inference && r.Inference.DeleteTime is null && FeedbackOf(r.Inference.EpisodeId).Any())
        .Select(r => r.Inference)
        .OrderByDescending(i => FeedbackOf(i.Id).Count())
        .First();

    private IEnumerable<Feedback> FeedbackOf(string target) =>
        server.Records.Where(r => r.KindCase == Record.KindOneofCase.Feedback && target.Length > 0 && r.Feedback.TargetId == target).Select(r => r.Feedback);

    /// <summary>The store's order: creation time to the millisecond, newest first, then the larger id.</summary>
    private IEnumerable<string> NewestFirst(string target) => FeedbackOf(target)
        .OrderByDescending(f => f.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds())
        .ThenByDescending(f => f.Id, StringComparer.Ordinal)
        .Select(f => f.Id);
}
