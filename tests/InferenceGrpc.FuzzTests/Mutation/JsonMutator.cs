using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>
/// Mutations that know JSON: one node of the parsed document is deleted, duplicated, given a
/// value of another type, an edge value (overflowing numbers, NaN, lone surrogates, long strings),
/// invalid UTF-8 or deep nesting, or replaced by a copy of its ancestor (deeper filter trees).
/// Text no JSON parser accepts is spliced in through a placeholder after serializing.
/// </summary>
internal static class JsonMutator
{
    private const string Placeholder = "@@fuzz-raw@@";

    public static byte[]? Mutate(Random random, byte[] input)
    {
        try
        {
            return JsonNode.Parse(input) is { } root ? Mutate(random, root) : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON (any more), or JSON the node model refuses, such as a duplicate key: bytes only.
            return null;
        }
    }

    private static byte[] Mutate(Random random, JsonNode root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var node = Interesting.Pick(random, nodes);
        var raw = Rewrite(random, node, out var replacement);
        if (ReferenceEquals(node, root))
        {
            return raw ?? Encoding.UTF8.GetBytes(replacement?.ToJsonString() ?? "null");
        }

        if (raw is not null)
        {
            replacement = JsonValue.Create(Placeholder);
        }

        Replace(node, replacement);
        var text = Encoding.UTF8.GetBytes(root.ToJsonString());
        return raw is null ? text : Splice(text, raw);
    }

    /// <summary>Either raw bytes for the node (returned) or a new node (out; null deletes it).</summary>
    private static byte[]? Rewrite(Random random, JsonNode node, out JsonNode? replacement)
    {
        replacement = null;
        switch (random.Next(11))
        {
            case 0:
                return Encoding.UTF8.GetBytes(Interesting.Pick(random, Interesting.JsonNumbers));
            case 1:
                return Encoding.UTF8.GetBytes(Interesting.Pick(random, Interesting.JsonStrings));
            case 2:
                return Encoding.UTF8.GetBytes(Interesting.Pick(random, new[] { "null", "true", "false", "[]", "{}", "[null]", "{\"\":null}" }));
            case 3:
                replacement = SwapType(node);
                return null;
            case 4:
                return null;
            case 5:
                return Duplicate(random, node);
            case 6:
                replacement = JsonValue.Create(Interesting.LongText(random));
                return null;
            case 7:
                return DeepNesting(random);
            case 8:
                return [(byte)'"', .. Encoding.UTF8.GetBytes("ab"), .. Interesting.Pick(random, Interesting.InvalidUtf8), (byte)'"'];
            case 9:
                replacement = Ancestor(random, node)?.DeepClone() ?? node.DeepClone();
                return null;
            default:
                replacement = new JsonObject { [Interesting.Pick(random, new[] { "type", "children", "child", "value", "unknown_field", "__proto__", "" })] = node.DeepClone() };
                return null;
        }
    }

    private static JsonNode? SwapType(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Number => JsonValue.Create(node.ToJsonString()),
        JsonValueKind.String => double.TryParse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? JsonValue.Create(n) : JsonValue.Create(0),
        JsonValueKind.True or JsonValueKind.False => JsonValue.Create(node.ToJsonString()),
        JsonValueKind.Array => new JsonObject(node.AsArray().Select((item, i) => KeyValuePair.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture), item?.DeepClone()))),
        JsonValueKind.Object => new JsonArray([.. node.AsObject().Select(p => p.Value?.DeepClone())]),
        _ => JsonValue.Create(1),
    };

    /// <summary>The node written twice or more: a duplicate key in an object, extra copies in an array.</summary>
    private static byte[] Duplicate(Random random, JsonNode node)
    {
        var text = node.ToJsonString();
        return node.Parent switch
        {
            // The parent object is rewritten whole elsewhere; here the value repeats as an array.
            JsonArray => Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(text, random.Next(2, 300))) + "]"),
            _ when node is JsonObject obj && obj.Count > 0 => Encoding.UTF8.GetBytes(text[..^1] + "," + text[1..]),
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    private static byte[] DeepNesting(Random random)
    {
        var depth = Interesting.Pick(random, new[] { 64, 65, 100, 1_000, 10_000, 100_000 });
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)));
    }

    private static JsonNode? Ancestor(Random random, JsonNode node)
    {
        var ancestors = new List<JsonNode>();
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            ancestors.Add(parent);
        }

        return ancestors.Count == 0 ? null : Interesting.Pick(random, ancestors);
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                var name = node.GetPropertyName();
                if (replacement is null)
                {
                    obj.Remove(name);
                }
                else
                {
                    obj[name] = replacement;
                }

                break;
            case JsonArray array:
                var index = node.GetElementIndex();
                if (replacement is null)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = replacement;
                }

                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                Collect(child, nodes);
            }
        }
    }

    private static byte[] Splice(byte[] text, byte[] raw)
    {
        var marker = Encoding.UTF8.GetBytes("\"" + Placeholder + "\"");
        var at = text.AsSpan().IndexOf(marker);
        return at < 0 ? text : [.. text.AsSpan(0, at), .. raw, .. text.AsSpan(at + marker.Length)];
    }
}
