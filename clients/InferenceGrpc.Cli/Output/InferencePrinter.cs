using Google.Protobuf;
using InferenceGrpc.Contracts.V1;
using Spectre.Console;

namespace InferenceGrpc.Cli.Output;

/// <summary>Prints inferences in the chosen format.</summary>
internal sealed class InferencePrinter(CliConsole console, OutputFormat format)
{
    private const int PreviewWidth = 60;

    /// <summary>Prints one reply: a table, its proto3 JSON, or one line per inference.</summary>
    public void Print(IMessage reply, IReadOnlyList<StoredInference> inferences)
    {
        switch (format)
        {
            case OutputFormat.Json:
                console.Output.WriteLine(JsonFormatter.Default.Format(reply));
                break;
            case OutputFormat.Jsonl:
                PrintLines(inferences);
                break;
            default:
                PrintTable(inferences);
                break;
        }
    }

    public void PrintLines(IEnumerable<StoredInference> inferences)
    {
        foreach (var inference in inferences)
        {
            console.Output.WriteLine(JsonFormatter.Default.Format(inference));
        }
    }

    public void PrintTable(IReadOnlyList<StoredInference> inferences)
    {
        var table = new Table().Border(TableBorder.Simple);
        // Ids and times stay whole so they can be copied; the rest wraps on a narrow terminal.
        table.AddColumn(new TableColumn("id").NoWrap());
        table.AddColumn(new TableColumn("time (UTC)").NoWrap());
        foreach (var column in new[] { "function", "variant", "model", "latency ms", "output" })
        {
            table.AddColumn(column);
        }

        foreach (var stored in inferences)
        {
            var inference = stored.Inference;
            table.AddRow(
                Markup.Escape(inference.Id),
                TimeText.Of(inference.CreateTime),
                Markup.Escape(inference.FunctionName),
                Markup.Escape(inference.VariantName),
                Markup.Escape(inference.ModelName),
                inference.HasLatencyMs ? inference.LatencyMs.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "",
                Markup.Escape(OutputPreview.Of(stored.Output, PreviewWidth)));
        }

        console.OutputConsole().Write(table);
        console.Error.WriteLine($"{inferences.Count} inference(s).");
    }
}
