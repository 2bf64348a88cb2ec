using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;

namespace InferenceGrpc.Protocol.AspNetCore.OpenApi;

/// <summary>
/// Builds an OpenAPI 3.0 document of every REST route in the route table: path and query
/// parameters, request and reply bodies (NDJSON for server streams) and the error body, in the
/// proto3 JSON mapping unless the method's <see cref="IJsonShape"/> describes its own JSON
/// through <see cref="IJsonShapeSchema"/>.
/// </summary>
internal sealed partial class OpenApiDocumentBuilder
{
    private const string RpcStatusSchema = "google.rpc.Status";

    private readonly IReadOnlyList<HttpRoute> _routes;
    private readonly IReadOnlyDictionary<string, IJsonShape> _shapes;
    private readonly ProtoJsonSchemas _schemas = new();

    public OpenApiDocumentBuilder(IReadOnlyList<HttpRoute> routes, IReadOnlyDictionary<string, IJsonShape> shapes)
    {
        _routes = routes;
        _shapes = shapes;
    }

    /// <summary>The path key of a template: variables reduced to their name (<c>{name=**}</c> becomes <c>{name}</c>).</summary>
    public static string PathOf(HttpRuleTemplate template) => VariablePattern().Replace(template.Text, "{$1}");

    public JsonObject Build(string title, string version)
    {
        var paths = new JsonObject();
        var pathsByShape = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var route in _routes.OrderBy(r => PathOf(r.Template), StringComparer.Ordinal))
        {
            // OpenAPI forbids two paths that differ only in variable names ("/v1/{name}" and
            // "/v1/{book.name}"): the later route joins the first one's path, and since names never
            // reach the wire, its parameters take that path's names.
            var path = pathsByShape.TryAdd(ShapeOf(PathOf(route.Template)), PathOf(route.Template))
                ? PathOf(route.Template)
                : pathsByShape[ShapeOf(PathOf(route.Template))];
            if (paths[path] is not JsonObject item)
            {
                item = new JsonObject();
                paths[path] = item;
            }

            item[route.HttpMethod.ToLowerInvariant()] = Operation(route, VariablesOf(path));
        }

        var components = _schemas.Components();
        components[RpcStatusSchema] = StatusSchema();
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = title, ["version"] = version },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = components },
        };
    }

    /// <summary>The path with its variables unnamed, equal for paths OpenAPI deems identical.</summary>
    public static string ShapeOf(string path) => PathVariablePattern().Replace(path, "{}");

    private static List<string> VariablesOf(string path) =>
        PathVariablePattern().Matches(path).Select(m => m.Groups[1].Value).ToList();

    private JsonObject Operation(HttpRoute route, List<string> pathNames)
    {
        var method = route.Method;
        var custom = (_shapes.GetValueOrDefault(method.FullName) as IJsonShapeSchema)?.DescribeMethod(method.FullName);
        var operation = new JsonObject
        {
            ["operationId"] = $"{method.Service.Name}_{method.Name}",
            ["tags"] = new JsonArray(method.Service.FullName),
        };
        var parameters = new JsonArray();
        foreach (var (fieldPath, name) in route.Template.FieldPaths.Zip(pathNames))
        {
            var field = FieldPaths.Resolve(method.InputType, fieldPath)!;
            var parameter = Parameter(name, "path", _schemas.SchemaOf(field));
            parameter["required"] = true;
            if (VariablePattern().Matches(route.Template.Text).FirstOrDefault(m => m.Groups[1].Value == fieldPath && m.Groups[2].Success) is { } variable)
            {
                // OpenAPI path parameters are one segment; say so where {name=a/*} spans several.
                parameter["description"] = $"Field {fieldPath}; matches '{variable.Groups[2].Value[1..]}', so it contains '/'.";
            }

            parameters.Add(parameter);
        }

        if (route.Body != "*")
        {
            foreach (var (name, field) in QueryFields(method.InputType, string.Empty, string.Empty, route, depth: 0))
            {
                var parameter = Parameter(name, "query", _schemas.SchemaOf(field));
                if (field.IsRepeated)
                {
                    parameter["explode"] = true;
                    parameter["style"] = "form";
                }

                parameters.Add(parameter);
            }
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        var request = custom is null ? RequestSchema(route) : custom.Request;
        if (request is not null)
        {
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content("application/json", request) };
        }

        var response = custom?.Response ?? ResponseSchema(route);
        var mediaType = method.IsServerStreaming ? "application/x-ndjson" : "application/json";
        var error = custom?.Error ?? new JsonObject { ["$ref"] = "#/components/schemas/" + RpcStatusSchema };
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = method.IsServerStreaming ? "One JSON object per line." : "OK",
                ["content"] = Content(mediaType, response),
            },
            ["default"] = new JsonObject { ["description"] = "Error", ["content"] = Content("application/json", error) },
        };
        return operation;
    }

    private JsonObject? RequestSchema(HttpRoute route) => route.Body switch
    {
        "" => null,
        "*" => _schemas.SchemaOf(route.Method.InputType),
        var field => _schemas.SchemaOf(route.Method.InputType.FindFieldByName(field)),
    };

    private JsonObject ResponseSchema(HttpRoute route) =>
        route.ResponseBody is { } field ? _schemas.SchemaOf(field) : _schemas.SchemaOf(route.Method.OutputType);

    /// <summary>The fields the binder reads from the query string: primitive fields not bound by the path or body, nested ones dotted.</summary>
    private static IEnumerable<(string Name, FieldDescriptor Field)> QueryFields(MessageDescriptor message, string jsonPrefix, string protoPrefix, HttpRoute route, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var name = jsonPrefix + field.JsonName;
            var protoPath = protoPrefix + field.Name;
            if (route.Template.FieldPaths.Contains(protoPath) || (depth == 0 && route.Body == field.Name))
            {
                continue;
            }

            if (FieldValueBinder.IsBindable(field))
            {
                yield return (name, field);
            }
            else if (!field.IsMap && !field.IsRepeated && field.FieldType == FieldType.Message && depth < 3)
            {
                foreach (var nested in QueryFields(field.MessageType, name + ".", protoPath + ".", route, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static JsonObject Parameter(string name, string location, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["schema"] = schema,
    };

    private static JsonObject Content(string mediaType, JsonObject schema) =>
        new() { [mediaType] = new JsonObject { ["schema"] = schema.DeepClone() } };

    /// <summary>The google.rpc.Status body of errors in the proto3 JSON mapping.</summary>
    private static JsonObject StatusSchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["code"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["message"] = new JsonObject { ["type"] = "string" },
            ["details"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } },
                    ["additionalProperties"] = true,
                },
            },
        },
    };

    [GeneratedRegex(@"\{([^}=]+)(=[^}]*)?\}")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathVariablePattern();
}
