using System.CommandLine;
using System.Text;
using InferenceGrpc.Cli.Export;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Cli.Selection;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Commands;

/// <summary>
/// <c>inferencectl export --out FILE</c>: a filtered set of inferences as an OpenAI chat
/// fine-tuning file, one example per line, streamed so any size fits in memory. With
/// <c>--output-source demonstration</c> the answers are the demonstrations.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var selection = new SelectionOptions();
        var target = new Option<FileInfo>("--out") { Description = "The JSONL file to write (replaced if it exists).", Required = true };
        var command = new Command("export", "Export matching inferences as OpenAI chat fine-tuning JSONL.") { target };
        selection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selected = selection.Build(parse);
            if (selected.OutputSource == OutputSource.None)
            {
                throw new CliUsageException("export needs an output to train on: use --output-source inference or demonstration.");
            }

            using var client = connection.Connect(parse, cancellationToken);
            var total = console.ShowsProgress ? (await client.ListAsync(new ListInferencesRequest { Selection = selected, Limit = 0, IncludeTotalCount = true })).TotalCount : (long?)null;
            var file = parse.GetValue(target)!;
            var skipped = new Dictionary<string, int>();
            var exported = await ProgressDisplay.RunAsync(console, "exporting", total, async progress =>
            {
                await using var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(false));
                long seen = 0, written = 0;
                await using var call = client.Stream(new StreamInferencesRequest { Selection = selected });
                await foreach (var page in call)
                {
                    foreach (var inference in page.Inferences)
                    {
                        seen++;
                        try
                        {
                            await writer.WriteLineAsync(ChatFineTuningExample.Create(inference).ToJsonString());
                            written++;
                        }
                        catch (ExportSkipped skip)
                        {
                            skipped[skip.Message] = skipped.GetValueOrDefault(skip.Message) + 1;
                        }
                    }

                    progress.Report(seen);
                }

                return written;
            });
            console.Error.WriteLine($"Exported {exported:N0} example(s) to {file.FullName}.");
            foreach (var (reason, count) in skipped)
            {
                console.Error.WriteLine($"Skipped {count:N0}: {reason}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
