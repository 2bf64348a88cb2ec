using System.Globalization;
using Google.Protobuf;
using InferenceGrpc.Contracts.V1;
using Spectre.Console;

namespace InferenceGrpc.Cli.Output;

/// <summary>
/// Prints GetInferenceFeedback's reply: its proto3 JSON, or one table with the inference's own
/// feedback first and then its episode's, each row saying which it is.
/// </summary>
internal sealed class FeedbackPrinter(CliConsole console, OutputFormat format)
{
    private const int PreviewWidth = 60;
    private static readonly string[] Columns = ["level", "time (UTC)", "metric", "value", "id"];

    public void Print(GetInferenceFeedbackResponse reply)
    {
        if (format == OutputFormat.Json)
        {
            console.Output.WriteLine(JsonFormatter.Default.Format(reply));
            return;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in Columns)
        {
            // The value wraps on a narrow terminal; the rest stays whole.
            table.AddColumn(column == "value" ? new TableColumn(column) : new TableColumn(column).NoWrap());
        }

        foreach (var (level, feedback) in reply.InferenceFeedback.Select(f => ("inference", f)).Concat(reply.EpisodeFeedback.Select(f => ("episode", f))))
        {
            table.AddRow(level, TimeText.Of(feedback.CreateTime), Markup.Escape(What(feedback)), Markup.Escape(Value(feedback)), feedback.Id);
        }

        console.OutputConsole().Write(table);
        var episode = reply.EpisodeId.Length == 0 ? "no episode" : $"episode {reply.EpisodeId}";
        console.Error.WriteLine($"{reply.InferenceFeedback.Count} inference feedback, {reply.EpisodeFeedback.Count} episode feedback ({episode}).");
    }

    /// <summary>The metric's name, or what kind of feedback it is.</summary>
    private static string What(Feedback feedback) => feedback.ValueCase switch
    {
        Feedback.ValueOneofCase.Demonstration => "(demonstration)",
        Feedback.ValueOneofCase.Comment => "(comment)",
        _ => feedback.MetricName,
    };

    private static string Value(Feedback feedback) => feedback.ValueCase switch
    {
        Feedback.ValueOneofCase.FloatValue => feedback.FloatValue.ToString("R", CultureInfo.InvariantCulture),
        Feedback.ValueOneofCase.BooleanValue => feedback.BooleanValue ? "true" : "false",
        Feedback.ValueOneofCase.Demonstration => OutputPreview.Of(feedback.Demonstration, PreviewWidth),
        _ => feedback.Comment.ReplaceLineEndings(" "),
    };
}
