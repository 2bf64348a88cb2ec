using System.Text.Json;
using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Cli.Tests;

[Collection(SharedCliServer.Name)]
public sealed class AnalyticsCommandTests(CliServer server)
{
    [Fact]
    public async Task Metrics_by_model_count_every_visible_inference_once()
    {
        var run = await server.RunAsync("metrics", "--from", "2020-01-01T00:00:00Z", "--to", "2030-01-01T00:00:00Z", "--agg", "sum:inputTokens", "--group-by", "modelName", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        using var reply = JsonDocument.Parse(run.Output);
        var points = reply.RootElement.GetProperty("dataPoints").EnumerateArray().ToList();
        var visible = server.Records.Where(r => r.KindCase == Record.KindOneofCase.Inference && r.Inference.DeleteTime is null).Select(r => r.Inference).ToList();
        Assert.Equal(visible.Count, points.Sum(p => long.Parse(p.GetProperty("total").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(visible.Select(i => i.ModelName).Distinct().Count(), points.Count);
    }

    [Fact]
    public async Task Metrics_as_a_timeseries_table_and_a_refused_interval()
    {
        var table = await server.RunAsync("metrics", "--from", "2025-12-30T00:00:00Z", "--to", "2026-01-01T00:00:00Z", "--interval", "1 day", "--agg", "p99:latencyMs", "--where", "virtualModelName:IS_NULL:true");
        var refused = await server.RunAsync("metrics", "--from", "2025-12-30T00:00:00Z", "--to", "2026-01-01T00:00:00Z", "--interval", "1 fortnight");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("p99LatencyMs", table.Output, StringComparison.Ordinal);
        Assert.Contains("2025-12-31 00:00", table.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.CallFailed, refused.ExitCode);
        Assert.Contains("error: InvalidArgument", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evals_compare_two_runs_row_by_row_with_each_runs_statistics()
    {
        // Weave projects are entity/project: load the data set's evaluations into one.
        var file = Path.Combine(server.Scratch, "evaluations.jsonl");
        var evaluations = server.Records.Where(r => r.KindCase is Record.KindOneofCase.EvaluationRun or Record.KindOneofCase.EvaluationTrial).ToList();
        await File.WriteAllLinesAsync(file, evaluations.Select(r => Google.Protobuf.JsonFormatter.Default.Format(r)));
        Assert.Equal(0, (await server.RunAsync("ingest", file, "--project", "acme/evals")).ExitCode);
        var runs = evaluations.Where(r => r.KindCase == Record.KindOneofCase.EvaluationRun).Select(r => r.EvaluationRun.Id).Take(2).ToArray();

        var json = await server.RunAsync(["evals", .. runs, "--project", "acme/evals", "-o", "json"]);
        var table = await server.RunAsync(["evals", .. runs, "--project", "acme/evals", "-n", "3"]);
        var wrongProject = await server.RunAsync(["evals", .. runs]);

        Assert.Equal(0, json.ExitCode);
        using var reply = JsonDocument.Parse(json.Output);
        Assert.True(long.Parse(reply.RootElement.GetProperty("totalRows").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var summary = reply.RootElement.GetProperty("summary").GetProperty("evaluations").EnumerateArray()
            .ToDictionary(e => e.GetProperty("evaluationCallId").GetString()!, e => long.Parse(e.GetProperty("trialCount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var run in runs)
        {
            Assert.Equal(evaluations.Count(r => r.KindCase == Record.KindOneofCase.EvaluationTrial && r.EvaluationTrial.EvaluationRunId == run), summary[run]);
        }

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("pass rate", table.Output, StringComparison.Ordinal);
        Assert.Contains($"3 of ", table.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, wrongProject.ExitCode);
        Assert.Contains("entity/project", wrongProject.Error, StringComparison.Ordinal);
    }
}
