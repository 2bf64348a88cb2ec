using System.CommandLine;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Cli.Selection;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Commands;

/// <summary>
/// <c>inferencectl stream</c>: every matching inference as JSON Lines, page by page as the server
/// pushes them; Ctrl+C stops the stream on the server too.
/// </summary>
internal static class StreamCommand
{
    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var selection = new SelectionOptions();
        var pageSize = new Option<uint>("--page-size") { Description = "Inferences per streamed page [default: 100; at most 1,000]." };
        var max = new Option<long?>("--max") { Description = "Stop after this many inferences." };
        var command = new Command("stream", "Stream every matching inference as JSON Lines.") { pageSize, max };
        selection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = connection.Connect(parse, cancellationToken);
            var printer = new InferencePrinter(console, OutputFormat.Jsonl);
            var request = new StreamInferencesRequest { Selection = selection.Build(parse), PageSize = parse.GetValue(pageSize) };
            var limit = parse.GetValue(max) ?? long.MaxValue;
            var count = await ProgressDisplay.RunAsync(console, "streamed", null, async progress =>
            {
                long written = 0;
                await using var call = client.Stream(request);
                await foreach (var page in call)
                {
                    var take = (int)Math.Min(page.Inferences.Count, limit - written);
                    printer.PrintLines(page.Inferences.Take(take));
                    written += take;
                    progress.Report(written);
                    if (written >= limit)
                    {
                        call.Cancel();
                        break;
                    }
                }

                return written;
            });
            console.Error.WriteLine($"Streamed {count:N0} inference(s).");
            return ExitCodes.Success;
        });
        return command;
    }
}
