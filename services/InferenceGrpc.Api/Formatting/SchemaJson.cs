using System.Text.Json.Nodes;

namespace InferenceGrpc.Api.Formatting;

/// <summary>Parses the hand-written OpenAPI schemas the vendor JSON shapes describe themselves with.</summary>
internal static class SchemaJson
{
    /// <summary>Parses <paramref name="json"/> after putting each part's JSON in place of its <c>"@Name"</c> placeholder.</summary>
    public static JsonObject Parse(string json, params (string Name, string Json)[] parts)
    {
        foreach (var (name, part) in parts)
        {
            json = json.Replace($"\"@{name}\"", part, StringComparison.Ordinal);
        }

        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>The request schema of a stream that takes one more paging field than its query.</summary>
    public static JsonObject WithPageSize(JsonObject schema, string name)
    {
        schema["properties"]![name] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 };
        return schema;
    }
}
