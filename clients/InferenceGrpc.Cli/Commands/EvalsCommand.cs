using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Contracts.V1;
using Spectre.Console;

namespace InferenceGrpc.Cli.Commands;

/// <summary>
/// <c>inferencectl evals RUN_ID...</c>: W&amp;B Weave's evaluation results, the runs side by side
/// per dataset row with their trials' scores, then each run's scorer statistics.
/// </summary>
internal static class EvalsCommand
{
    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var runs = new Argument<string[]>("run-ids") { Description = "Evaluation run (root call) ids.", Arity = ArgumentArity.OneOrMore };
        var intersection = new Option<bool>("--intersection") { Description = "Only rows every run has." };
        var limit = new Option<ulong?>("--limit", "-n") { Description = "Rows to show, after grouping [default: all]." };
        var offset = new Option<long>("--offset") { Description = "Rows to skip, after grouping." };
        var format = new Option<OutputFormat>("--output", "-o") { Description = "table, or json (the reply as proto3 JSON).", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("evals", "Compare evaluation runs row by row, with scorer statistics (needs --project entity/project).") { runs, intersection, limit, offset, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = new EvalResultsQuery { RequireIntersection = parse.GetValue(intersection), Offset = parse.GetValue(offset), IncludeSummary = true };
            query.EvaluationCallIds.AddRange(parse.GetValue(runs) ?? []);
            if (parse.GetValue(limit) is { } rows)
            {
                query.Limit = rows;
            }

            using var client = connection.Connect(parse, cancellationToken);
            var reply = await client.EvalResultsAsync(query);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                console.Output.WriteLine(JsonFormatter.Default.Format(reply));
                return ExitCodes.Success;
            }

            var ids = query.EvaluationCallIds.Distinct().ToList();
            var output = console.OutputConsole();
            output.Write(Rows(reply, ids));
            output.Write(Summary(reply));
            console.Error.WriteLine($"{reply.Rows.Count} of {reply.TotalRows} row(s).");
            return ExitCodes.Success;
        });
        return command;
    }

    // One line per dataset row; per run, each trial's scores as compact JSON.
    private static Table Rows(QueryEvalResultsResponse reply, List<string> runs)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("row").NoWrap());
        foreach (var run in runs)
        {
            table.AddColumn(Markup.Escape(run));
        }

        foreach (var row in reply.Rows)
        {
            var cells = runs.Select(run => row.Evaluations.FirstOrDefault(e => e.EvaluationCallId == run) is { } evaluation
                ? string.Join("\n", evaluation.Trials.Select(t => JsonFormatter.Default.Format(new Google.Protobuf.WellKnownTypes.Struct { Fields = { t.Scores } })))
                : "–");
            table.AddRow([Markup.Escape(row.RowDigest[..Math.Min(12, row.RowDigest.Length)]), .. cells.Select(Markup.Escape)]);
        }

        return table;
    }

    private static Table Summary(QueryEvalResultsResponse reply)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "run", "trials", "scorer", "type", "pass rate", "mean" })
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        foreach (var evaluation in reply.Summary?.Evaluations ?? [])
        {
            foreach (var stats in evaluation.ScorerStats)
            {
                table.AddRow(
                    Markup.Escape(evaluation.EvaluationCallId),
                    evaluation.TrialCount.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(stats.HasPath ? $"{stats.ScorerKey}.{stats.Path}" : stats.ScorerKey),
                    stats.ValueType,
                    stats.HasPassRate ? stats.PassRate.ToString("P1", CultureInfo.InvariantCulture) : "",
                    stats.HasNumericMean ? stats.NumericMean.ToString("G4", CultureInfo.InvariantCulture) : "");
            }
        }

        return table;
    }
}
