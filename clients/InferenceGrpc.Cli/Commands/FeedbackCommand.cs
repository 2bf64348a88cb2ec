using System.CommandLine;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Commands;

/// <summary><c>inferencectl feedback ID</c>: the feedback of one inference and of its episode, newest first.</summary>
internal static class FeedbackCommand
{
    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The inference id (a UUID)." };
        var limit = new Option<uint?>("--limit", "-n") { Description = "The most feedback in each list (the server's default is 100, at most 1,000)." };
        var format = new Option<OutputFormat>("--output", "-o")
        {
            Description = "table or json (the whole reply).",
            DefaultValueFactory = _ => OutputFormat.Table,
        }.AcceptOnlyFromAmong("table", "json");
        var command = new Command("feedback", "Show an inference's feedback (metrics, comments, demonstrations) and its episode's, newest first.") { id, limit, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = connection.Connect(parse, cancellationToken);
            var request = new GetInferenceFeedbackRequest { InferenceId = parse.GetValue(id)! };
            if (parse.GetValue(limit) is { } max)
            {
                request.Limit = max;
            }

            new FeedbackPrinter(console, parse.GetValue(format)).Print(await client.FeedbackAsync(request));
            return ExitCodes.Success;
        });
        return command;
    }
}
