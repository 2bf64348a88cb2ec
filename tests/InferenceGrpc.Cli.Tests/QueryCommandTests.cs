using System.Text.Json;
using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Cli.Tests;

[Collection(SharedCliServer.Name)]
public sealed class QueryCommandTests(CliServer server)
{
    private string BusiestFunction => Inferences().GroupBy(i => i.FunctionName).OrderByDescending(g => g.Count()).First().Key;

    [Fact]
    public void Ingest_stores_every_record_of_the_file()
    {
        Assert.Equal(0, server.Ingest.ExitCode);
        Assert.Contains($"Stored {CliServer.InferenceCount:N0} inference(s)", server.Ingest.Error);
        Assert.Contains($"{server.Records.Count(r => r.KindCase == Record.KindOneofCase.Feedback):N0} feedback", server.Ingest.Error);
    }

    [Fact]
    public async Task List_as_json_prints_the_reply_newest_first_for_the_function()
    {
        var run = await server.RunAsync("list", "--function", BusiestFunction, "-n", "5", "-o", "json", "--total");

        Assert.Equal(0, run.ExitCode);
        using var reply = JsonDocument.Parse(run.Output);
        var rows = reply.RootElement.GetProperty("inferences").EnumerateArray().Select(e => e.GetProperty("inference")).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(BusiestFunction, r.GetProperty("functionName").GetString()));
        var expected = Inferences().Where(i => i.FunctionName == BusiestFunction).OrderByDescending(i => i.Id, StringComparer.Ordinal).Take(5).Select(i => i.Id);
        Assert.Equal(expected, rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(Inferences().Count(i => i.FunctionName == BusiestFunction).ToString(System.Globalization.CultureInfo.InvariantCulture), reply.RootElement.GetProperty("totalCount").GetString());
    }

    [Fact]
    public async Task List_as_a_table_shows_each_inference_and_points_to_the_next_page()
    {
        var run = await server.RunAsync("list", "-n", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("time (UTC)", run.Output);
        foreach (var inference in Inferences().OrderByDescending(i => i.Id, StringComparer.Ordinal).Take(3))
        {
            Assert.Contains(inference.Id, run.Output);
        }

        Assert.Contains("More: --page-token ", run.Error);
    }

    [Fact]
    public async Task The_page_token_a_list_prints_continues_that_list()
    {
        var first = await server.RunAsync("list", "-n", "4", "-o", "jsonl");
        var token = first.Error.Split("--page-token ")[1].Trim();
        var second = await server.RunAsync("list", "-n", "4", "-o", "jsonl", "--page-token", token);

        var ids = first.Lines.Concat(second.Lines).Select(Id);
        Assert.Equal(Inferences().OrderByDescending(i => i.Id, StringComparer.Ordinal).Take(8).Select(i => i.Id), ids);
    }

    [Fact]
    public async Task Get_prints_the_inferences_with_those_ids()
    {
        var wanted = Inferences().Take(3).Select(i => i.Id).ToArray();
        var run = await server.RunAsync(["get", .. wanted, "-o", "jsonl"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(wanted.OrderDescending(StringComparer.Ordinal), run.Lines.Select(Id));
    }

    [Fact]
    public async Task Stream_prints_every_matching_inference_once()
    {
        var run = await server.RunAsync("stream", "--function", BusiestFunction, "--page-size", "50");

        Assert.Equal(0, run.ExitCode);
        var expected = Inferences().Where(i => i.FunctionName == BusiestFunction).Select(i => i.Id).OrderDescending(StringComparer.Ordinal);
        Assert.Equal(expected, run.Lines.Select(Id));
    }

    [Fact]
    public async Task Stream_stops_at_max()
    {
        var run = await server.RunAsync("stream", "--max", "7", "--page-size", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(7, run.Lines.Length);
        Assert.Contains("Streamed 7 inference(s).", run.Error);
    }

    [Fact]
    public async Task Grpc_web_gives_the_same_answer_as_grpc()
    {
        var native = await server.RunAsync("stream", "--tag", $"{FirstTag().Key}={FirstTag().Value}");
        var web = await server.RunAsync("stream", "--tag", $"{FirstTag().Key}={FirstTag().Value}", "--grpc-web", "--address", server.Http.ToString());

        Assert.Equal(0, web.ExitCode);
        Assert.NotEmpty(native.Lines);
        Assert.Equal(native.Output, web.Output);
    }

    [Fact]
    public async Task Filter_flags_and_a_filter_file_select_the_same_inferences()
    {
        var (key, value) = FirstTag();
        var file = Path.Combine(server.Scratch, "filter.json");
        await File.WriteAllTextAsync(file, $$$"""
            {"and": {"children": [
              {"tag": {"key": "{{{key}}}", "value": "{{{value}}}", "comparisonOperator": "COMPARISON_OPERATOR_EQUAL"}},
              {"time": {"time": "2025-12-15T00:00:00Z", "comparisonOperator": "COMPARISON_OPERATOR_GREATER_THAN_OR_EQUAL"}}]}}
            """);

        var fromFlags = await server.RunAsync("stream", "--tag", $"{key}={value}", "--since", "2025-12-15T00:00:00Z");
        var fromFile = await server.RunAsync("stream", "--filter-file", file);

        var expected = Inferences().Where(i => i.Tags.TryGetValue(key, out var v) && v == value && i.CreateTime.ToDateTimeOffset() >= new DateTimeOffset(2025, 12, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(expected.Select(i => i.Id).OrderDescending(StringComparer.Ordinal), fromFlags.Lines.Select(Id));
        Assert.Equal(fromFlags.Output, fromFile.Output);
    }

    // Queries hide soft-deleted inferences, and so does the expectation.
    private IEnumerable<Inference> Inferences() =>
        server.Records.Where(r => r.KindCase == Record.KindOneofCase.Inference && r.Inference.DeleteTime is null).Select(r => r.Inference);

    private (string Key, string Value) FirstTag()
    {
        var tag = Inferences().SelectMany(i => i.Tags).GroupBy(t => (t.Key, t.Value)).OrderByDescending(g => g.Count()).First().Key;
        return (tag.Key, tag.Value);
    }

    private static string Id(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("inference").GetProperty("id").GetString()!;
    }
}
