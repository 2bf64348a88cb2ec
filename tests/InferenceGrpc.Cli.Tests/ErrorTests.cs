using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Cli.Tests;

[Collection(SharedCliServer.Name)]
public sealed class ErrorTests(CliServer server)
{
    [Fact]
    public async Task A_server_error_exits_1_with_the_status_and_the_field()
    {
        var run = await server.RunAsync("list", "--metric", "no_such_metric>1");

        Assert.Equal(ExitCodes.CallFailed, run.ExitCode);
        Assert.Contains("error: InvalidArgument: Invalid metric name: no_such_metric", run.Error);
        Assert.Contains("metric_name", run.Error);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("list", "--metric", "accuracy")]
    [InlineData("list", "--tag", "a<b")]
    [InlineData("list", "--bool-metric", "solved=maybe")]
    [InlineData("list", "--since", "yesterday-ish")]
    [InlineData("list", "--order-by", "price:up")]
    [InlineData("list", "--output-source", "guess")]
    [InlineData("list", "--no-such-flag")]
    [InlineData("list", "--timeout", "soon")]
    [InlineData("frobnicate")]
    [InlineData("get")]
    public async Task Bad_flags_exit_2_with_the_problem_named(params string[] args)
    {
        var run = await server.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_as_unavailable()
    {
        var run = await CliServer.RunWithAsync(["list", "--address", "http://127.0.0.1:1"], _ => null);

        Assert.Equal(ExitCodes.CallFailed, run.ExitCode);
        Assert.Contains("error: Unavailable", run.Error);
    }

    [Fact]
    public async Task The_address_and_project_come_from_the_environment()
    {
        var environment = new Dictionary<string, string> { ["INFERENCEGRPC_ADDRESS"] = server.Grpc.ToString(), ["INFERENCEGRPC_PROJECT"] = "nobody-here" };
        var run = await CliServer.RunWithAsync(["list", "-o", "json", "--total"], environment.GetValueOrDefault);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"totalCount\": \"0\"", run.Output);
    }

    [Fact]
    public async Task A_malformed_line_stores_nothing_and_names_the_line()
    {
        var file = Path.Combine(server.Scratch, "broken.jsonl");
        var good = Google.Protobuf.JsonFormatter.Default.Format(server.Records.First(r => r.KindCase == Record.KindOneofCase.Inference));
        await File.WriteAllLinesAsync(file, [good, "{\"inference\": {\"functionName\": 7"]);

        var run = await server.RunAsync("ingest", file, "--project", "broken-file");
        var count = await server.RunAsync("list", "--project", "broken-file", "-o", "json", "--total");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("broken.jsonl line 2", run.Error);
        Assert.Contains("\"totalCount\": \"0\"", count.Output);
    }

    [Fact]
    public async Task A_record_the_server_rejects_exits_1_with_its_reason()
    {
        var file = Path.Combine(server.Scratch, "invalid.jsonl");
        await File.WriteAllLinesAsync(file, ["{\"feedback\": {\"metricName\": \"x\", \"floatValue\": 1}}"]);

        var run = await server.RunAsync("ingest", file, "--project", "invalid-record");

        Assert.Equal(ExitCodes.CallFailed, run.ExitCode);
        Assert.Contains("error: InvalidArgument", run.Error);
        Assert.Contains("target_id", run.Error);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await server.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "get", "list", "stream", "export", "ingest" })
        {
            Assert.Contains(command, run.Output);
        }
    }
}
