using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// A request body TensorZero's deserializer would refuse, with serde's message. TensorZero
/// parses bodies with serde_path_to_error, so a message is "&lt;path&gt;: &lt;serde text&gt;", such as
/// "limit: invalid value: integer `-1`, expected u32"; clients match on these texts. Readers
/// throw this with the message relative to the value being read; callers add the path.
/// </summary>
internal sealed class SerdeError(string message) : Exception(message)
{
    public static SerdeError MissingField(string field) => new($"missing field `{field}`");

    public static SerdeError InvalidType(JsonElement actual, string expected) => new($"invalid type: {Unexpected(actual)}, expected {expected}");

    public static SerdeError InvalidValue(string unexpected, string expected) => new($"invalid value: {unexpected}, expected {expected}");

    public static SerdeError UnknownVariant(string variant, IReadOnlyList<string> expected) => new($"unknown variant `{variant}`, expected {OneOf(expected)}");

    /// <summary>This error under a path segment, as serde_path_to_error prints it.</summary>
    public SerdeError Under(string path) => new($"{path}: {Message}");

    /// <summary>The error as the call's status: TensorZero answers 400 with the text.</summary>
    public RpcException ToRpcException() => new(StatusCode.InvalidArgument, Message);

    /// <summary>How serde_json names a value it did not expect ("integer `5`", "string \"x\"", "null").</summary>
    public static string Unexpected(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string " + RustDebugString(value.GetString() ?? string.Empty),
        JsonValueKind.True => "boolean `true`",
        JsonValueKind.False => "boolean `false`",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "sequence",
        JsonValueKind.Object => "map",
        _ => Number(value).Describe(),
    };

    /// <summary>A JSON number as serde_json parsed it: u64, i64, or f64 for everything else.</summary>
    public static SerdeNumber Number(JsonElement value)
    {
        var raw = value.GetRawText();
        if (raw.AsSpan().IndexOfAny(".eE") < 0 && BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            // serde_json: "-0" and integers beyond u64 (or below i64) become floats.
            if (integer.Sign >= 0 && integer <= ulong.MaxValue && !raw.StartsWith('-'))
            {
                return new SerdeNumber(integer, null);
            }

            if (integer.Sign < 0 && integer >= long.MinValue)
            {
                return new SerdeNumber(integer, null);
            }
        }

        return new SerdeNumber(null, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static string OneOf(IReadOnlyList<string> names) => names.Count switch
    {
        1 => $"`{names[0]}`",
        2 => $"`{names[0]}` or `{names[1]}`",
        _ => "one of " + string.Join(", ", names.Select(n => $"`{n}`")),
    };

    /// <summary>Rust's Debug form of a string: quoted, with \", \\, \n, \r, \t, \0 and \u{..} escapes.</summary>
    private static string RustDebugString(string text)
    {
        var result = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                case 0: result.Append("\\0"); break;
                default:
                    if (Rune.IsControl(rune))
                    {
                        result.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        result.Append(rune.ToString());
                    }

                    break;
            }
        }

        return result.Append('"').ToString();
    }
}

/// <summary>A JSON number as serde_json holds it: an integer (u64 or i64) or an f64.</summary>
internal readonly record struct SerdeNumber(BigInteger? Integer, double? Float)
{
    public string Describe() => Integer is { } integer
        ? $"integer `{integer.ToString(CultureInfo.InvariantCulture)}`"
        : $"floating point `{SerdeNumbers.Float64(Float!.Value)}`";
}
