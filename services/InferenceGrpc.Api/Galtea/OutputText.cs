using System.Text;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Api.TensorZero;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// Galtea's actualOutput is a string; a stored output may be any JSON. Text stays text; chat
/// content blocks become their text blocks joined; a json function's {"raw", "parsed"} becomes
/// its raw text; anything else is its compact JSON. A missing or null output is null.
/// </summary>
internal static class OutputText
{
    public static string? Of(Value? output) => output?.KindCase switch
    {
        null or Value.KindOneofCase.None or Value.KindOneofCase.NullValue => null,
        Value.KindOneofCase.StringValue => output.StringValue,
        Value.KindOneofCase.ListValue when output.ListValue.Values.All(IsTextBlock) => Join(output.ListValue),
        Value.KindOneofCase.StructValue when output.StructValue.Fields.TryGetValue("raw", out var raw) && raw.KindCase == Value.KindOneofCase.StringValue => raw.StringValue,
        _ => Compact(output),
    };

    private static string Compact(Value output)
    {
        var writer = new SerdeJsonWriter(EcmaScriptNumbers.Format);
        writer.Value(output);
        return Encoding.UTF8.GetString(writer.WrittenMemory.Span);
    }

    private static bool IsTextBlock(Value block) =>
        block.StructValue?.Fields.TryGetValue("type", out var type) == true && type.StringValue == "text"
        && block.StructValue.Fields.TryGetValue("text", out var text) && text.KindCase == Value.KindOneofCase.StringValue;

    private static string Join(ListValue blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks.Values)
        {
            text.Append(block.StructValue.Fields["text"].StringValue);
        }

        return text.ToString();
    }
}
