using Google.Protobuf;
using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Cli.Tests;

/// <summary><c>inferencectl runs</c> against the ingested sample data's evaluation runs.</summary>
[Collection(SharedCliServer.Name)]
public sealed class RunsCommandTests(CliServer server)
{
    [Fact]
    public async Task Runs_as_jsonl_lists_the_first_page_newest_first()
    {
        var run = await server.RunAsync("runs", "-o", "jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(NewestFirst().Take(50), Lines(run.Output).Select(r => r.Id));
    }

    [Fact]
    public async Task Runs_pages_follow_the_printed_token_and_all_pages_make_the_whole_list()
    {
        // The sample data holds two runs: pages of one show the paging.
        var first = await server.RunAsync("runs", "-n", "1");
        Assert.True(first.Error.Contains("--page-token ", StringComparison.Ordinal), first.Error);
        var token = first.Error.Split("--page-token ")[1].Trim();
        var second = await server.RunAsync("runs", "-n", "1", "--page-token", token, "-o", "jsonl");
        var all = await server.RunAsync("runs", "-n", "1", "--all", "-o", "jsonl");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("started (UTC)", first.Output, StringComparison.Ordinal);
        Assert.Contains(NewestFirst().First(), first.Output, StringComparison.Ordinal);
        Assert.Equal(NewestFirst().Skip(1).Take(1), Lines(second.Output).Select(r => r.Id));
        Assert.True(NewestFirst().Count() > 1);
        Assert.Equal(NewestFirst(), Lines(all.Output).Select(r => r.Id));
        Assert.Contains($"{NewestFirst().Count()} run(s).", all.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_with_a_forged_token_exits_1_and_as_json_is_a_usage_error()
    {
        var forged = await server.RunAsync("runs", "--page-token", "not-a-token");
        var json = await server.RunAsync("runs", "-o", "json");

        Assert.Equal(ExitCodes.CallFailed, forged.ExitCode);
        Assert.Contains("page_token", forged.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, json.ExitCode);
    }

    private static IEnumerable<EvaluationRun> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JsonParser.Default.Parse<EvaluationRun>);

    /// <summary>The documented order: the latest start first (runs without one last), ties by the larger id.</summary>
    private IEnumerable<string> NewestFirst() => server.Records
        .Where(r => r.KindCase == Record.KindOneofCase.EvaluationRun)
        .Select(r => r.EvaluationRun)
        .OrderBy(run => run.StartTime is null)
        .ThenByDescending(run => run.StartTime?.ToDateTimeOffset())
        .ThenByDescending(run => run.Id, StringComparer.Ordinal)
        .Select(run => run.Id);
}
