using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Cli.Output;

/// <summary>A one-line summary of an output for a table cell: its text, not its JSON wrapping.</summary>
internal static class OutputPreview
{
    public static string Of(Value? output, int width)
    {
        var text = output is null ? "" : Text(output);
        text = text.ReplaceLineEndings(" ");
        return text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
    }

    // Chat outputs are content blocks: show their texts and tool calls. JSON outputs carry
    // {"raw": ...}: show the raw text. Anything else shows as compact JSON.
    private static string Text(Value output)
    {
        if (output.KindCase == Value.KindOneofCase.ListValue)
        {
            var text = new StringBuilder();
            foreach (var block in output.ListValue.Values)
            {
                text.Append(text.Length > 0 ? " " : "").Append(BlockText(block));
            }

            return text.ToString();
        }

        if (output.KindCase == Value.KindOneofCase.StructValue && output.StructValue.Fields.TryGetValue("raw", out var raw) && raw.KindCase == Value.KindOneofCase.StringValue)
        {
            return raw.StringValue;
        }

        return output.KindCase == Value.KindOneofCase.StringValue ? output.StringValue : JsonFormatter.Default.Format(output);
    }

    private static string BlockText(Value block)
    {
        if (block.KindCase != Value.KindOneofCase.StructValue)
        {
            return JsonFormatter.Default.Format(block);
        }

        var fields = block.StructValue.Fields;
        string Field(string name) => fields.TryGetValue(name, out var v) && v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : "";
        return Field("type") switch
        {
            "text" => Field("text"),
            "tool_call" => $"{Field("name")}({Field("raw_arguments")})",
            _ => JsonFormatter.Default.Format(block),
        };
    }
}
