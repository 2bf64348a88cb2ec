using System.Buffers;
using System.Text;
using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Writes JSON exactly as TensorZero's serde_json compact formatter does, so REST replies match
/// byte for byte. Utf8JsonWriter cannot be used for this: even with the relaxed encoder it
/// escapes characters outside the BMP (emoji, common in model output) as \uXXXX pairs and
/// writes control escapes in upper-case hex, where serde_json writes raw UTF-8 and lower case.
/// serde_json escapes only '"', '\\' and U+0000..U+001F; everything else is raw UTF-8.
/// </summary>
internal sealed class SerdeJsonWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Func<double, string> _jsonNumber;
    private readonly StringBuilder _escape = new();

    // One entry per open container: true until its first member is written.
    private readonly List<bool> _first = [];
    private bool _afterName;

    /// <param name="jsonNumber">
    /// How numbers inside stored JSON are laid out: serde_json's way by default. The escaping is
    /// also JavaScript's JSON.stringify, so other APIs write with another number layout.
    /// </param>
    public SerdeJsonWriter(Func<double, string>? jsonNumber = null) => _jsonNumber = jsonNumber ?? SerdeNumbers.JsonNumber;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    public void StartObject() => Open("{");

    public void EndObject() => Close("}");

    public void StartArray() => Open("[");

    public void EndArray() => Close("]");

    public void PropertyName(string name)
    {
        Separate();
        WriteEscaped(name);
        Ascii(":");
        _afterName = true;
    }

    public void String(string value)
    {
        BeforeValue();
        WriteEscaped(value);
    }

    public void Null()
    {
        BeforeValue();
        Ascii("null");
    }

    public void Bool(bool value)
    {
        BeforeValue();
        Ascii(value ? "true" : "false");
    }

    /// <summary>A number already formatted the way serde_json formats it.</summary>
    public void Number(string formatted)
    {
        BeforeValue();
        Ascii(formatted);
    }

    /// <summary>A stored JSON value, objects in their stored key order.</summary>
    public void Value(Value? value)
    {
        switch (value?.KindCase)
        {
            case null or Google.Protobuf.WellKnownTypes.Value.KindOneofCase.None or Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NullValue:
                Null();
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NumberValue:
                Number(_jsonNumber(value.NumberValue));
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.StringValue:
                String(value.StringValue);
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.BoolValue:
                Bool(value.BoolValue);
                break;
            case Google.Protobuf.WellKnownTypes.Value.KindOneofCase.StructValue:
                StartObject();
                foreach (var (key, field) in value.StructValue.Fields)
                {
                    PropertyName(key);
                    Value(field);
                }

                EndObject();
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

    private void Open(string bracket)
    {
        BeforeValue();
        Ascii(bracket);
        _first.Add(true);
    }

    private void Close(string bracket)
    {
        _first.RemoveAt(_first.Count - 1);
        Ascii(bracket);
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
        }
        else
        {
            Ascii(",");
        }
    }

    private void WriteEscaped(string text)
    {
        _escape.Clear();
        _escape.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': _escape.Append("\\\""); break;
                case '\\': _escape.Append("\\\\"); break;
                case '\b': _escape.Append("\\b"); break;
                case '\f': _escape.Append("\\f"); break;
                case '\n': _escape.Append("\\n"); break;
                case '\r': _escape.Append("\\r"); break;
                case '\t': _escape.Append("\\t"); break;
                case < ' ': _escape.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: _escape.Append(c); break;
            }
        }

        _escape.Append('"');

        // Lone surrogates cannot occur in serde_json strings; the encoder writes U+FFFD for them.
        var text16 = _escape.ToString();
        var span = _buffer.GetSpan(Utf8.GetMaxByteCount(text16.Length));
        _buffer.Advance(Utf8.GetBytes(text16, span));
    }

    private void Ascii(string text)
    {
        var span = _buffer.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        _buffer.Advance(text.Length);
    }
}
