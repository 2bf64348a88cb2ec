using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// A request body TensorZero's deserializer would refuse, with serde's message. TensorZero
/// parses bodies with serde_path_to_error, so a message is "&lt;path&gt;: &lt;serde text&gt;", such as
/// "limit: invalid value: integer `-1`, expected u32" or "order_by[0].direction: ..."; clients
/// match on these texts. Readers throw the bare text and each enclosing reader adds its path
/// segment (a member name, or "[i]" for an element).
/// </summary>
internal sealed class SerdeError : Exception
{
    private readonly string _detail;
    private readonly string[] _path;

    public SerdeError(string detail)
        : this(detail, [])
    {
    }

    private SerdeError(string detail, string[] path)
        : base(path.Length == 0 ? detail : PathText(path) + ": " + detail)
    {
        _detail = detail;
        _path = path;
    }

    public static SerdeError MissingField(string field) => new($"missing field `{field}`");

    public static SerdeError InvalidType(JsonElement actual, string expected) => new($"invalid type: {Unexpected(actual)}, expected {expected}");

    public static SerdeError InvalidValue(string unexpected, string expected) => new($"invalid value: {unexpected}, expected {expected}");

    public static SerdeError UnknownVariant(string variant, IReadOnlyList<string> expected) => new($"unknown variant `{variant}`, expected {OneOf(expected)}");

    /// <summary>This error one level down: under a member name or an "[i]" element.</summary>
    public SerdeError Under(string segment) => new(_detail, [segment, .. _path]);

    /// <summary>
    /// The error as TensorZero's TensorZeroDeserialize derive (used for the filter tree) hands
    /// it on: its inner path joined with '.' ("children.[0]") and folded into a plain message,
    /// to which the enclosing reader adds its own path.
    /// </summary>
    public SerdeError FoldedByDerive() => _path.Length == 0 ? this : new SerdeError(string.Join('.', _path) + ": " + _detail);

    /// <summary>serde_path_to_error's path: members joined with '.', elements appended as "[i]".</summary>
    private static string PathText(string[] path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (text.Length > 0 && !segment.StartsWith('['))
            {
                text.Append('.');
            }

            text.Append(segment);
        }

        return text.ToString();
    }

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

        // serde_json refuses a number beyond f64's range ("1e400") as it parses, like any malformed JSON.
        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(number) ? new SerdeNumber(null, number) : throw RequestBody.Malformed();
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
