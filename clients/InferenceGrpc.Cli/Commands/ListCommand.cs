using System.CommandLine;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Cli.Selection;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Commands;

/// <summary><c>inferencectl list</c>: one page of inferences matching the filter flags.</summary>
internal static class ListCommand
{
    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var selection = new SelectionOptions();
        var limit = new Option<uint?>("--limit", "-n") { Description = "The page size [default: 20; at most 1,000]." };
        var offset = new Option<uint?>("--offset") { Description = "Rows to skip." };
        var before = new Option<string?>("--before") { Description = "Only inferences older than this id." };
        var after = new Option<string?>("--after") { Description = "Only inferences newer than this id." };
        var pageToken = new Option<string?>("--page-token") { Description = "Continue from the token a previous list printed." };
        var total = new Option<bool>("--total") { Description = "Also count every matching inference." };
        var format = OutputOptions.Format(OutputFormat.Table);
        var command = new Command("list", "List one page of inferences matching filters.") { limit, offset, before, after, pageToken, total, format };
        selection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = connection.Connect(parse, cancellationToken);
            var request = new ListInferencesRequest
            {
                Selection = selection.Build(parse),
                IncludeTotalCount = parse.GetValue(total),
                PageToken = parse.GetValue(pageToken) ?? "",
            };
            if (parse.GetValue(limit) is { } rows)
            {
                request.Limit = rows;
            }

            if (parse.GetValue(offset) is { } skip)
            {
                request.Offset = skip;
            }

            if (parse.GetValue(before) is { } older)
            {
                request.Before = older;
            }

            if (parse.GetValue(after) is { } newer)
            {
                request.After = newer;
            }

            var reply = await client.ListAsync(request);
            new InferencePrinter(console, parse.GetValue(format)).Print(reply, reply.Inferences);
            if (reply.HasTotalCount && parse.GetValue(format) != OutputFormat.Json)
            {
                console.Error.WriteLine($"{reply.TotalCount} match in all.");
            }

            if (reply.NextPageToken.Length > 0 && parse.GetValue(format) != OutputFormat.Json)
            {
                console.Error.WriteLine($"More: --page-token {reply.NextPageToken}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
