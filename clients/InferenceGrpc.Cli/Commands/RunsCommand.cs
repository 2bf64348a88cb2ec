using System.CommandLine;
using Google.Protobuf;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Contracts.V1;
using Spectre.Console;

namespace InferenceGrpc.Cli.Commands;

/// <summary>
/// <c>inferencectl runs</c>: a project's evaluation runs, newest first, a page at a time (or all
/// with <c>--all</c>): the ids <c>evals</c> compares.
/// </summary>
internal static class RunsCommand
{
    private static readonly string[] Columns = ["started (UTC)", "ended (UTC)", "name", "model", "id"];

    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var pageSize = new Option<uint?>("--limit", "-n") { Description = "Runs per page (the server's default is 50, at most 1,000)." };
        var pageToken = new Option<string?>("--page-token") { Description = "Continue after an earlier page: the token printed under it." };
        var all = new Option<bool>("--all") { Description = "Follow the pages to the last run." };
        var format = new Option<OutputFormat>("--output", "-o")
        {
            Description = "table, or jsonl (one run per line as proto3 JSON).",
            DefaultValueFactory = _ => OutputFormat.Table,
        }.AcceptOnlyFromAmong("table", "jsonl");
        var command = new Command("runs", "List a project's evaluation runs, newest first: the ids `evals` takes.") { pageSize, pageToken, all, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = connection.Connect(parse, cancellationToken);
            var request = new ListEvaluationRunsRequest { PageSize = parse.GetValue(pageSize) ?? 0, PageToken = parse.GetValue(pageToken) ?? "" };
            var runs = new List<EvaluationRun>();
            ListEvaluationRunsResponse page;
            do
            {
                page = await client.ListRunsAsync(request);
                runs.AddRange(page.Runs);
                request.PageToken = page.NextPageToken;
            }
            while (parse.GetValue(all) && page.NextPageToken.Length > 0);

            Print(console, parse.GetValue(format), runs);
            console.Error.WriteLine(page.NextPageToken.Length == 0
                ? $"{runs.Count} run(s)."
                : $"{runs.Count} run(s); more with --page-token {page.NextPageToken}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, OutputFormat format, List<EvaluationRun> runs)
    {
        if (format == OutputFormat.Jsonl)
        {
            foreach (var run in runs)
            {
                console.Output.WriteLine(JsonFormatter.Default.Format(run));
            }

            return;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in Columns)
        {
            table.AddColumn(column == "name" ? new TableColumn(column) : new TableColumn(column).NoWrap());
        }

        foreach (var run in runs)
        {
            table.AddRow(TimeText.Of(run.StartTime), TimeText.Of(run.EndTime), Markup.Escape(run.DisplayName), Markup.Escape(run.ModelRef), Markup.Escape(run.Id));
        }

        console.OutputConsole().Write(table);
    }
}
