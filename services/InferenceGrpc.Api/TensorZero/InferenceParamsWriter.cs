using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Writes `inference_params` as TensorZero's record has it (api-compat-spec 1.7):
/// {"chat_completion": {...}} with its first eight keys always present (null when not stored),
/// then the optional ones (reasoning_effort, service_tier, thinking_budget_tokens, verbosity)
/// only when stored, then any other stored key in stored order. Numbers take the key's Rust
/// type: f32 for sampling parameters ("0.7", "1.0"), integers for token counts and the seed.
/// </summary>
internal static class InferenceParamsWriter
{
    private static readonly (string Name, NumberKind Kind)[] Always =
    [
        ("temperature", NumberKind.Float32),
        ("max_tokens", NumberKind.Integer),
        ("seed", NumberKind.Integer),
        ("top_p", NumberKind.Float32),
        ("presence_penalty", NumberKind.Float32),
        ("frequency_penalty", NumberKind.Float32),
        ("json_mode", NumberKind.Any),
        ("stop_sequences", NumberKind.Any),
    ];

    private static readonly (string Name, NumberKind Kind)[] WhenStored =
    [
        ("reasoning_effort", NumberKind.Any),
        ("service_tier", NumberKind.Any),
        ("thinking_budget_tokens", NumberKind.Integer),
        ("verbosity", NumberKind.Any),
    ];

    private enum NumberKind
    {
        Any,
        Float32,
        Integer,
    }

    public static void Write(SerdeJsonWriter writer, Value? stored)
    {
        var chat = ChatCompletion(stored);
        writer.StartObject();
        writer.PropertyName("chat_completion");
        writer.StartObject();
        foreach (var (name, kind) in Always)
        {
            writer.PropertyName(name);
            WriteTyped(writer, chat?.GetValueOrDefault(name), kind);
        }

        foreach (var (name, kind) in WhenStored)
        {
            if (chat?.GetValueOrDefault(name) is { } value && OutputShapes.IsPresent(value))
            {
                writer.PropertyName(name);
                WriteTyped(writer, value, kind);
            }
        }

        foreach (var (name, value) in chat ?? Enumerable.Empty<KeyValuePair<string, Value>>())
        {
            if (!Array.Exists(Always, k => k.Name == name) && !Array.Exists(WhenStored, k => k.Name == name) && OutputShapes.IsPresent(value))
            {
                writer.PropertyName(name);
                writer.Value(value);
            }
        }

        writer.EndObject();
        writer.EndObject();
    }

    /// <summary>
    /// The stored chat_completion parameters. TensorZero nests them under "chat_completion";
    /// records ingested from elsewhere may hold them flat, which is read the same way.
    /// </summary>
    private static Google.Protobuf.Collections.MapField<string, Value>? ChatCompletion(Value? stored)
    {
        var fields = stored?.StructValue?.Fields;
        if (fields?.GetValueOrDefault("chat_completion")?.StructValue?.Fields is { } nested)
        {
            return nested;
        }

        return fields is not null && fields.Keys.Any(k => Array.Exists(Always, a => a.Name == k)) ? fields : null;
    }

    private static void WriteTyped(SerdeJsonWriter writer, Value? value, NumberKind kind)
    {
        if (value?.KindCase != Value.KindOneofCase.NumberValue || kind == NumberKind.Any)
        {
            writer.Value(value);
        }
        else if (kind == NumberKind.Float32)
        {
            writer.Number(SerdeNumbers.Float32(value.NumberValue));
        }
        else
        {
            writer.Number(SerdeNumbers.IsInteger(value.NumberValue) ? SerdeNumbers.Integer(value.NumberValue) : SerdeNumbers.JsonNumber(value.NumberValue));
        }
    }
}
