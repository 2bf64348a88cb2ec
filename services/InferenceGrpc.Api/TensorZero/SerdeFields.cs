using System.Text.Json;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Reads JSON values with serde's rules and messages (types as serde_json maps them, `null`
/// as None for Option fields only), so each request field fails exactly as TensorZero's
/// derived Deserialize would.
/// </summary>
internal static class SerdeFields
{
    /// <summary>
    /// An object's members in document order. TensorZero's serde_json keeps insertion order
    /// (preserve_order), and a repeated key keeps its first position with its last value.
    /// </summary>
    public static List<KeyValuePair<string, JsonElement>> Members(JsonElement json)
    {
        var members = new List<KeyValuePair<string, JsonElement>>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (positions.TryGetValue(property.Name, out var at))
            {
                members[at] = KeyValuePair.Create(property.Name, property.Value);
            }
            else
            {
                positions[property.Name] = members.Count;
                members.Add(KeyValuePair.Create(property.Name, property.Value));
            }
        }

        return members;
    }

    /// <summary>
    /// Reads a struct as serde's derive does: members in document order, each known one read
    /// (the first bad one fails, under its name), unknown ones ignored, then the first
    /// missing required field in declaration order.
    /// </summary>
    public static Dictionary<string, object?> Struct(IEnumerable<KeyValuePair<string, JsonElement>> members, params SerdeField[] fields)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            var field = Array.Find(fields, f => f.Name == name);
            if (field.Read is not null)
            {
                values[name] = At(name, () => field.Read(value));
            }
        }

        foreach (var field in fields)
        {
            if (field.Required && !values.ContainsKey(field.Name))
            {
                throw SerdeError.MissingField(field.Name);
            }
        }

        return values;
    }

    /// <summary>Reads a member or element, adding its path segment to any error, as serde_path_to_error does.</summary>
    public static T At<T>(string segment, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SerdeError error)
        {
            throw error.Under(segment);
        }
    }

    public static string String(JsonElement json) =>
        json.ValueKind == JsonValueKind.String ? json.GetString()! : throw SerdeError.InvalidType(json, "a string");

    public static string? OptionalString(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : String(json);

    public static bool Bool(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw SerdeError.InvalidType(json, "a boolean"),
    };

    public static double Float64(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Number)
        {
            throw SerdeError.InvalidType(json, "f64");
        }

        var number = SerdeError.Number(json);
        return number.Float ?? (double)number.Integer!.Value;
    }

    /// <summary>A u32: negative or too large integers are "invalid value", floats "invalid type".</summary>
    public static uint? OptionalU32(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (json.ValueKind != JsonValueKind.Number)
        {
            throw SerdeError.InvalidType(json, "u32");
        }

        var number = SerdeError.Number(json);
        if (number.Integer is not { } integer)
        {
            throw SerdeError.InvalidType(json, "u32");
        }

        return integer >= 0 && integer <= uint.MaxValue ? (uint)integer : throw SerdeError.InvalidValue(number.Describe(), "u32");
    }

    /// <summary>A UUID in any form the uuid crate takes, returned lower-case hyphenated.</summary>
    public static string Uuid(JsonElement json) =>
        json.ValueKind == JsonValueKind.String ? RustUuid.Parse(json.GetString()!) : throw SerdeError.InvalidType(json, "a UUID string");

    public static string? OptionalUuid(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : Uuid(json);

    /// <summary>
    /// A unit variant of a serde enum. serde_json takes "name", and also {"name": null}; anything
    /// else is "string or map".
    /// </summary>
    public static string UnitVariant(JsonElement json, IReadOnlyList<string> variants)
    {
        string name;
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                name = json.GetString()!;
                break;
            case JsonValueKind.Object:
                var members = Members(json);
                if (members.Count != 1)
                {
                    throw SerdeError.InvalidValue("map", "map with a single key");
                }

                name = members[0].Key;
                if (variants.Contains(name) && members[0].Value.ValueKind != JsonValueKind.Null)
                {
                    throw SerdeError.InvalidType(members[0].Value, "unit");
                }

                break;
            default:
                throw SerdeError.InvalidType(json, "string or map");
        }

        return variants.Contains(name) ? name : throw SerdeError.UnknownVariant(name, variants);
    }

    /// <summary>The elements of a sequence field.</summary>
    public static JsonElement.ArrayEnumerator Sequence(JsonElement json) =>
        json.ValueKind == JsonValueKind.Array ? json.EnumerateArray() : throw SerdeError.InvalidType(json, "a sequence");
}
