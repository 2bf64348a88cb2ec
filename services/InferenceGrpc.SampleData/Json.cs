using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.SampleData;

/// <summary>Short builders for google.protobuf.Value, so JSON shapes read like JSON.</summary>
internal static class Json
{
    public static Value Str(string text) => Value.ForString(text);

    public static Value Num(double number) => Value.ForNumber(number);

    public static Value Bool(bool flag) => Value.ForBool(flag);

    public static Value Null() => Value.ForNull();

    public static Value List(params Value[] items) => Value.ForList(items);

    public static Value Strings(IEnumerable<string> items) => Value.ForList(items.Select(Value.ForString).ToArray());

    /// <summary>An object whose fields keep the given order, so serialized bytes are stable.</summary>
    public static Value Obj(params (string Key, Value Value)[] fields)
    {
        var result = new Struct();
        foreach (var (key, value) in fields)
        {
            result.Fields[key] = value;
        }

        return Value.ForStruct(result);
    }

    /// <summary>A TensorZero content block: {"type": "text", "text": ...}.</summary>
    public static Value TextBlock(string text) => Obj(("type", Str("text")), ("text", Str(text)));
}
