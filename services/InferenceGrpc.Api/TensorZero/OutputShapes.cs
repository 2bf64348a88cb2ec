using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Writes an output (the inference's own, a demonstration, or a dispreferred one) in the type
/// TensorZero's record holds for it: a content-block array for chat functions, {"raw",
/// "parsed"} for json functions. Stored outputs are normally already in that shape and are
/// written as stored; other shapes are converted the way TensorZero converts a demonstration
/// it is given (api-compat-spec 1.6), so a record always parses in TensorZero's clients.
/// </summary>
internal static class OutputShapes
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static void Write(SerdeJsonWriter writer, Value output, bool jsonFunction)
    {
        if (jsonFunction)
        {
            WriteJsonOutput(writer, output);
            return;
        }

        if (output.KindCase == Value.KindOneofCase.StringValue)
        {
            // TensorZero stores a chat demonstration given as a string as one text block.
            writer.StartArray();
            writer.StartObject();
            writer.PropertyName("type");
            writer.String("text");
            writer.PropertyName("text");
            writer.String(output.StringValue);
            writer.EndObject();
            writer.EndArray();
            return;
        }

        writer.Value(output);
    }

    /// <summary>Whether a stored value is there at all; TensorZero omits absent optional fields.</summary>
    public static bool IsPresent(Value? value) =>
        value is not null && value.KindCase is not (Value.KindOneofCase.None or Value.KindOneofCase.NullValue);

    /// <summary>A value as compact JSON text, as serde_json::to_string writes it.</summary>
    public static string ToJsonText(Value value)
    {
        var writer = new SerdeJsonWriter();
        writer.Value(value);
        return Encoding.UTF8.GetString(writer.WrittenMemory.Span);
    }

    private static void WriteJsonOutput(SerdeJsonWriter writer, Value output)
    {
        Value? raw;
        Value? parsed;
        if (IsJsonOutput(output))
        {
            // Already {"raw", "parsed"}: the shape TensorZero stores; other members are dropped.
            raw = output.StructValue.Fields.GetValueOrDefault("raw");
            parsed = output.StructValue.Fields.GetValueOrDefault("parsed");
        }
        else if (output.KindCase == Value.KindOneofCase.StringValue)
        {
            // Raw model text: parsed when it is JSON, null otherwise (as for a model reply that fails to parse).
            raw = output;
            parsed = TryParse(output.StringValue);
        }
        else
        {
            // A parsed value alone, as a json demonstration is given: raw is its JSON text.
            raw = Value.ForString(ToJsonText(output));
            parsed = output;
        }

        writer.StartObject();
        writer.PropertyName("raw");
        writer.Value(raw);
        writer.PropertyName("parsed");
        writer.Value(parsed);
        writer.EndObject();
    }

    /// <summary>
    /// {"raw", "parsed"} as TensorZero stores it: both members, or nothing but them. A parsed
    /// value given alone (a json demonstration) rarely looks like that.
    /// </summary>
    private static bool IsJsonOutput(Value output)
    {
        if (output.KindCase != Value.KindOneofCase.StructValue || output.StructValue.Fields.Count == 0)
        {
            return false;
        }

        var fields = output.StructValue.Fields;
        return (fields.ContainsKey("raw") && fields.ContainsKey("parsed")) || fields.Keys.All(k => k is "raw" or "parsed");
    }

    private static Value? TryParse(string text)
    {
        if (JsonDepthGuard.Problem(text) is not null)
        {
            // Not JSON, or nested too deep for the parser to survive: stored text, not ours to crash on.
            return null;
        }

        try
        {
            return Parser.Parse<Value>(text);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
        catch (InvalidJsonException)
        {
            return null;
        }
    }
}
