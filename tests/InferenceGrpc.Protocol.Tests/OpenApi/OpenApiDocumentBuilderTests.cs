using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InferenceGrpc.Conformance;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol.AspNetCore.Binding;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;

namespace InferenceGrpc.Protocol.Tests.OpenApi;

public class OpenApiDocumentBuilderTests
{
    private static readonly HttpRouteTable Routes = new(new ServiceMethodRegistry(
    [
        new ServiceRegistration(typeof(BookshelfService), BookshelfServiceReflection.Descriptor.Services[0]),
        new ServiceRegistration(typeof(EchoService), EchoServiceReflection.Descriptor.Services[0]),
    ]));

    private static JsonObject Build(Dictionary<string, IJsonShape>? shapes = null) =>
        new OpenApiDocumentBuilder(Routes.Routes, shapes ?? []).Build("Test", "v1");

    [Fact]
    public void Build_ListsEveryRouteOfTheTable_WithPathParametersMatchingItsTemplate()
    {
        var document = Build();

        Assert.Equal("3.0.3", (string?)document["openapi"]);
        Assert.NotEmpty(Routes.Routes);
        foreach (var route in Routes.Routes)
        {
            var shape = OpenApiDocumentBuilder.ShapeOf(OpenApiDocumentBuilder.PathOf(route.Template));
            var path = Assert.Single(document["paths"]!.AsObject(), p => OpenApiDocumentBuilder.ShapeOf(p.Key) == shape).Key;
            var operation = document["paths"]![path]?[route.HttpMethod.ToLowerInvariant()];
            Assert.True(operation is not null, $"no operation for {route}");
            var inPath = Regex.Matches(path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value).ToList();
            var declared = (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!).ToList();
            Assert.Equal(inPath, declared);
            Assert.Equal(route.Template.FieldPaths.Count(), inPath.Count);
        }
    }

    [Fact]
    public void Build_MultiSegmentVariables_BecomeNamedParametersThatSayTheyHoldSlashes()
    {
        var document = Build();

        var files = document["paths"]!["/v1/files/{path}"]!["get"]!;
        Assert.Equal("BookshelfService_GetFile", (string?)files["operationId"]);
        Assert.Contains("'**'", (string?)files["parameters"]![0]!["description"], StringComparison.Ordinal);
        // /v1/{name=shelves/*/books/*} is the same OpenAPI path as /v1/{book.name=shelves/*/books/*}.
        Assert.Null(document["paths"]!["/v1/{name}"]);
        var book = document["paths"]!["/v1/{book.name}"]!;
        Assert.All(new[] { "get", "delete", "patch", "put" }, verb => Assert.NotNull(book[verb]));
        var parameter = book["get"]!["parameters"]![0]!;
        Assert.Equal("book.name", (string?)parameter["name"]);
        Assert.StartsWith("Field name;", (string?)parameter["description"], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GetRoute_DescribesQueryParametersInProto3JsonNames()
    {
        var operation = Build()["paths"]!["/v1/shelves/{shelf}/books"]!["get"]!;
        var parameters = operation["parameters"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!);

        Assert.Equal("path", (string?)parameters["shelf"]["in"]);
        Assert.Equal("array", (string?)parameters["authors"]["schema"]!["type"]);
        Assert.True((bool?)parameters["authors"]["explode"]);
        Assert.Equal("query", (string?)parameters["years.min"]["in"]);
        Assert.Contains("GENRE_FICTION", parameters["genre"]["schema"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("integer", (string?)parameters["pageSize"]["schema"]!["type"]);
        Assert.Null(operation["requestBody"]);
    }

    [Fact]
    public void Build_BodyFieldRoute_SendsThatFieldAndDefaultsErrorsToRpcStatus()
    {
        var document = Build();
        var patch = document["paths"]!["/v1/{book.name}"]!["patch"]!;

        Assert.Equal("#/components/schemas/conformance.v1.Book", (string?)patch["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/google.rpc.Status", (string?)patch["responses"]!["default"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        var book = document["components"]!["schemas"]!["conformance.v1.Book"]!["properties"]!;
        Assert.Equal("string", (string?)book["copies"]!["type"]);
        Assert.Equal("int64", (string?)book["copies"]!["format"]);
    }

    [Fact]
    public void Build_ServerStream_RepliesAsNdjson()
    {
        var stream = Build()["paths"]!["/v1/stream"]!["get"]!;

        Assert.NotNull(stream["responses"]!["200"]!["content"]!["application/x-ndjson"]);
    }

    [Fact]
    public void Build_ShapeWithSchemas_ReplacesTheProto3Bodies()
    {
        var echo = Routes.Routes.First(r => r.Template.Text == "/v1/echo").Method.FullName;
        var document = Build(new() { [echo] = new DescribedShape() });

        var post = document["paths"]!["/v1/echo"]!["post"]!;
        Assert.Equal("req", (string?)post["requestBody"]!["content"]!["application/json"]!["schema"]!["title"]);
        Assert.Equal("res", (string?)post["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["title"]);
        Assert.Equal("err", (string?)post["responses"]!["default"]!["content"]!["application/json"]!["schema"]!["title"]);
    }

    [Fact]
    public void Build_EveryReference_PointsAtAComponent()
    {
        var document = Build();
        var components = document["components"]!["schemas"]!.AsObject();

        var references = Regex.Matches(document.ToJsonString(), "\"\\$ref\":\"#/components/schemas/([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct();
        Assert.All(references, name => Assert.True(components.ContainsKey(name), name));
    }

    private sealed class DescribedShape : ProtobufJsonShape, IJsonShapeSchema
    {
        public JsonShapeSchemas DescribeMethod(string methodFullName) =>
            new(new JsonObject { ["title"] = "req" }, new JsonObject { ["title"] = "res" }, new JsonObject { ["title"] = "err" });
    }
}
