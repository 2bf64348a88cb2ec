using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Writes JSON text exactly as Python does, in one of two styles. <see cref="Canonical"/> is
/// <c>json.dumps(value, sort_keys=True)</c>, the text Weave hashes into a row digest: ", " and
/// ": " separators, keys sorted by code point at every level, and everything outside printable
/// ASCII escaped as lower-case \uXXXX (surrogate pairs for characters above U+FFFF).
/// <see cref="Response"/> is what FastAPI's JSONResponse sends: "," and ":", keys in their
/// stored order, only '"', '\' and control characters escaped.
/// </summary>
internal sealed class PythonJsonWriter
{
    private readonly StringBuilder _text = new();
    private readonly bool _canonical;

    // One entry per open container: true until its first member is written.
    private readonly List<bool> _first = [];
    private bool _afterName;

    private PythonJsonWriter(bool canonical) => _canonical = canonical;

    public static PythonJsonWriter Canonical() => new(canonical: true);

    public static PythonJsonWriter Response() => new(canonical: false);

    private string ItemSeparator => _canonical ? ", " : ",";

    private string KeySeparator => _canonical ? ": " : ":";

    public override string ToString() => _text.ToString();

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void PropertyName(string name)
    {
        Separate();
        WriteString(name);
        _text.Append(KeySeparator);
        _afterName = true;
    }

    public void String(string value)
    {
        BeforeValue();
        WriteString(value);
    }

    public void Null() => Raw("null");

    public void Bool(bool value) => Raw(value ? "true" : "false");

    public void Integer(long value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A Python float: always written as one ("1.0", not "1").</summary>
    public void Float(double value) => Raw(PythonFloat.Repr(value));

    public void NullableString(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        String(value);
    }

    public void NullableFloat(double? value)
    {
        if (value is { } number)
        {
            Float(number);
            return;
        }

        Null();
    }

    /// <summary>A stored JSON value; objects sorted in the canonical style, in stored order otherwise.</summary>
    public void Value(Value? value)
    {
        switch (value?.KindCase)
        {
            case null or Google.Protobuf.WellKnownTypes.Value.KindOneofCase.None or Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NullValue:
                Null();
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NumberValue:
                Raw(PythonFloat.JsonNumber(value.NumberValue));
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.StringValue:
                String(value.StringValue);
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.BoolValue:
                Bool(value.BoolValue);
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.StructValue:
                Object(value.StructValue.Fields);
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.ListValue:
                StartArray();
                foreach (var item in value.ListValue.Values)
                {
                    Value(item);
                }

                EndArray();
                break;
        }
    }

    /// <summary>
    /// A request's JSON value as Python's json.loads makes it and json.dumps writes it back:
    /// integers keep their digits, other numbers become floats, objects keep their order.
    /// </summary>
    public void Json(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                StartObject();
                foreach (var property in element.EnumerateObject())
                {
                    PropertyName(property.Name);
                    Json(property.Value);
                }

                EndObject();
                break;
            case JsonValueKind.Array:
                StartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Json(item);
                }

                EndArray();
                break;
            case JsonValueKind.String:
                String(element.GetString()!);
                break;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                Raw(raw.AsSpan().IndexOfAny(".eE") < 0 ? BigInteger.Parse(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : PythonFloat.Repr(element.GetDouble()));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Bool(element.ValueKind == JsonValueKind.True);
                break;
            default:
                Null();
                break;
        }
    }

    /// <summary>A map of JSON values as an object, sorted in the canonical style.</summary>
    public void Object(IEnumerable<KeyValuePair<string, Value>> fields)
    {
        StartObject();
        var ordered = _canonical ? fields.OrderBy(f => f.Key, CodePointComparer.Instance) : fields;
        foreach (var (key, item) in ordered)
        {
            PropertyName(key);
            Value(item);
        }

        EndObject();
    }

    private void Raw(string text)
    {
        BeforeValue();
        _text.Append(text);
    }

    private void Open(char bracket)
    {
        BeforeValue();
        _text.Append(bracket);
        _first.Add(true);
    }

    private void Close(char bracket)
    {
        _first.RemoveAt(_first.Count - 1);
        _text.Append(bracket);
    }

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        Separate();
    }

    private void Separate()
    {
        if (_first.Count == 0)
        {
            return;
        }

        if (_first[^1])
        {
            _first[^1] = false;
            return;
        }

        _text.Append(ItemSeparator);
    }

    private void WriteString(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                case '\b':
                    _text.Append("\\b");
                    break;
                case '\f':
                    _text.Append("\\f");
                    break;
                case < ' ':
                    AppendUnicodeEscape(c);
                    break;
                case > '~' when _canonical:
                    // ensure_ascii: DEL and everything beyond ASCII, surrogates one by one.
                    AppendUnicodeEscape(c);
                    break;
                default:
                    _text.Append(c);
                    break;
            }
        }

        _text.Append('"');
    }

    private void AppendUnicodeEscape(char c) => _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
