using System.Globalization;
using System.Numerics;
using System.Text.Json;
using InferenceGrpc.Api.TensorZero;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// JSON text exactly as Python writes it, in two styles of the shared writer.
/// <see cref="Canonical"/> is <c>json.dumps(value, sort_keys=True)</c>, the text Weave hashes
/// into a row digest: ", " and ": ", keys sorted by code point at every level, everything
/// outside printable ASCII escaped. <see cref="Response"/> is what FastAPI's JSONResponse sends:
/// "," and ":", keys in stored order, only '"', '\' and control characters escaped (the same
/// escapes as serde_json's). Numbers are Python's in both.
/// </summary>
internal static class PythonJson
{
    public static readonly JsonTextStyle Canonical = new(", ", ": ", AsciiOnly: true, CodePointComparer.Instance, PythonFloat.JsonNumber);

    public static readonly JsonTextStyle Response = new(",", ":", AsciiOnly: false, KeyOrder: null, PythonFloat.JsonNumber);

    public static void Integer(this SerdeJsonWriter json, long value) => json.Number(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A property holding an int.</summary>
    public static void Property(this SerdeJsonWriter json, string name, long value)
    {
        json.PropertyName(name);
        json.Integer(value);
    }

    /// <summary>A property holding a str or None.</summary>
    public static void Property(this SerdeJsonWriter json, string name, string? value)
    {
        json.PropertyName(name);
        if (value is null)
        {
            json.Null();
            return;
        }

        json.String(value);
    }

    /// <summary>A property holding a float (always written as one: "1.0") or None.</summary>
    public static void FloatProperty(this SerdeJsonWriter json, string name, double? value)
    {
        json.PropertyName(name);
        if (value is { } number)
        {
            json.Number(PythonFloat.Repr(number));
            return;
        }

        json.Null();
    }

    /// <summary>
    /// A request's JSON value as Python's json.loads makes it and json.dumps writes it back:
    /// integers keep their digits, other numbers become floats, objects keep their order.
    /// </summary>
    public static void Json(this SerdeJsonWriter json, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                json.StartObject();
                foreach (var property in element.EnumerateObject())
                {
                    json.PropertyName(property.Name);
                    json.Json(property.Value);
                }

                json.EndObject();
                break;
            case JsonValueKind.Array:
                json.StartArray();
                foreach (var item in element.EnumerateArray())
                {
                    json.Json(item);
                }

                json.EndArray();
                break;
            case JsonValueKind.String:
                json.String(element.GetString()!);
                break;
            case JsonValueKind.Number when element.GetRawText().AsSpan().IndexOfAny(".eE") < 0:
                json.Number(BigInteger.Parse(element.GetRawText(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Number when double.IsFinite(element.GetDouble()):
                json.Number(PythonFloat.Repr(element.GetDouble()));
                break;
            case JsonValueKind.Number:
                // 1e999 reads as infinity in Python too, but FastAPI cannot write it back
                // (allow_nan=False: a 500); we echo null so the 422 stays valid JSON.
                json.Null();
                break;
            case JsonValueKind.True or JsonValueKind.False:
                json.Bool(element.ValueKind == JsonValueKind.True);
                break;
            default:
                json.Null();
                break;
        }
    }
}
