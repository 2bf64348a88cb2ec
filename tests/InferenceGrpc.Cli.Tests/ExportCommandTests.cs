using System.Text.Json;
using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Cli.Tests;

[Collection(SharedCliServer.Name)]
public sealed class ExportCommandTests(CliServer server)
{
    [Fact]
    public async Task Export_writes_one_chat_example_per_inference_ending_with_the_answer()
    {
        var file = Path.Combine(server.Scratch, "all.jsonl");
        var run = await server.RunAsync("export", "--out", file);

        Assert.Equal(0, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(file);
        var skipped = run.Error.Split('\n').Where(l => l.StartsWith("Skipped ", StringComparison.Ordinal)).Sum(l => int.Parse(l.Split(' ', ':')[1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        var visible = server.Records.Count(r => r.KindCase == Record.KindOneofCase.Inference && r.Inference.DeleteTime is null);
        Assert.Equal(visible, lines.Length + skipped);
        Assert.Contains($"Exported {lines.Length:N0} example(s)", run.Error);
        foreach (var line in lines)
        {
            using var example = JsonDocument.Parse(line);
            var messages = example.RootElement.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal("assistant", messages[^1].GetProperty("role").GetString());
            Assert.Contains(messages, m => m.GetProperty("role").GetString() == "user");
            Assert.All(messages, m => Assert.Contains(m.GetProperty("role").GetString(), new[] { "system", "user", "assistant", "tool" }));
        }
    }

    [Fact]
    public async Task Exporting_demonstrations_answers_with_the_latest_demonstration()
    {
        var file = Path.Combine(server.Scratch, "demonstrations.jsonl");
        var run = await server.RunAsync("export", "--out", file, "--output-source", "demonstration");

        Assert.Equal(0, run.ExitCode);
        var latest = server.Records.Where(r => r.KindCase == Record.KindOneofCase.Feedback && r.Feedback.ValueCase == Feedback.ValueOneofCase.Demonstration)
            .Select(r => r.Feedback)
            .GroupBy(f => f.TargetId)
            .Select(g => g.MaxBy(f => f.Id, StringComparer.Ordinal)!.Demonstration)
            .ToList();
        var answers = (await File.ReadAllLinesAsync(file)).Select(FinalAnswer).ToList();
        Assert.NotEmpty(answers);
        Assert.True(answers.Count <= latest.Count);
        var textDemonstrations = latest.Where(d => d.ListValue is { } blocks && blocks.Values.All(b => b.StructValue?.Fields["type"].StringValue == "text"))
            .Select(d => string.Join("\n", d.ListValue.Values.Select(b => b.StructValue.Fields["text"].StringValue)))
            .ToList();
        Assert.NotEmpty(textDemonstrations);
        Assert.All(textDemonstrations, text => Assert.Contains(text, answers));
    }

    private static string? FinalAnswer(string line)
    {
        using var example = JsonDocument.Parse(line);
        var messages = example.RootElement.GetProperty("messages");
        return messages[messages.GetArrayLength() - 1].GetProperty("content").GetString();
    }

    [Fact]
    public async Task Export_without_an_output_is_refused_before_anything_is_written()
    {
        var file = Path.Combine(server.Scratch, "none.jsonl");
        var run = await server.RunAsync("export", "--out", file, "--output-source", "none");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("needs an output", run.Error);
        Assert.False(File.Exists(file));
    }
}
