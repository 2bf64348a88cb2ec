using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace InferenceGrpc.Protocol.AspNetCore.OpenApi;

/// <summary>
/// OpenAPI 3.0 schemas of messages as the proto3 JSON mapping writes them: lowerCamelCase names,
/// 64-bit integers as strings, enums by name, the well-known types in their JSON forms. Each
/// message becomes a component named by its full name, referenced where used.
/// </summary>
internal sealed class ProtoJsonSchemas
{
    private readonly SortedDictionary<string, JsonNode> _components = new(StringComparer.Ordinal);

    public JsonObject Components()
    {
        var components = new JsonObject();
        foreach (var (name, schema) in _components)
        {
            components[name] = schema.DeepClone();
        }

        return components;
    }

    public JsonObject SchemaOf(MessageDescriptor message) =>
        WellKnown(message) ?? Reference(message);

    public JsonObject SchemaOf(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByNumber(2);
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = SchemaOf(value) };
        }

        var single = field.FieldType switch
        {
            FieldType.Message or FieldType.Group => SchemaOf(field.MessageType),
            FieldType.Enum => new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray(field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)).ToArray()),
            },
            _ => Scalar(field.FieldType),
        };
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }

    private static JsonObject Scalar(FieldType type) => type switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Typed("integer", "int32"),
        FieldType.UInt32 or FieldType.Fixed32 => Typed("integer", "int64"),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Typed("string", "int64"),
        FieldType.UInt64 or FieldType.Fixed64 => Typed("string", "uint64"),
        FieldType.Float => Typed("number", "float"),
        FieldType.Double => Typed("number", "double"),
        FieldType.Bool => Typed("boolean", null),
        FieldType.Bytes => Typed("string", "byte"),
        _ => Typed("string", null),
    };

    private static JsonObject Typed(string type, string? format, bool nullable = false)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null)
        {
            schema["format"] = format;
        }

        if (nullable)
        {
            schema["nullable"] = true;
        }

        return schema;
    }

    /// <summary>The JSON forms the mapping gives the google.protobuf types; null for any other message.</summary>
    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => Typed("string", "date-time"),
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9]+(\\.[0-9]{1,9})?s$" },
        "google.protobuf.FieldMask" => Typed("string", null),
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
        "google.protobuf.Value" => new JsonObject { ["description"] = "Any JSON value." },
        "google.protobuf.ListValue" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject() },
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Any" => new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["@type"] = Typed("string", null) },
            ["additionalProperties"] = true,
        },
        _ when message.File.Package == "google.protobuf" && message.Name.EndsWith("Value", StringComparison.Ordinal) =>
            Wrapper(message.FindFieldByNumber(1).FieldType),
        _ => null,
    };

    private static JsonObject Wrapper(FieldType type)
    {
        var schema = Scalar(type);
        schema["nullable"] = true;
        return schema;
    }

    private JsonObject Reference(MessageDescriptor message)
    {
        if (!_components.ContainsKey(message.FullName))
        {
            // Reserved first, so a message that contains itself refers to itself instead of recursing.
            _components[message.FullName] = new JsonObject();
            var properties = new JsonObject();
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                properties[field.JsonName] = SchemaOf(field);
            }

            _components[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + message.FullName };
    }
}
