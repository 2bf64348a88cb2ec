using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Tests;

/// <summary>
/// GET /openapi.json on the real host: served without credentials, one operation per
/// google.api.http rule of the inference.v1 services, and the vendor routes described in the
/// JSON the golden tests send and receive, not in the proto3 mapping.
/// </summary>
[Collection(SharedServer.Name)]
public sealed partial class OpenApiDocumentTests(ApiServer server)
{
    private static readonly ServiceDescriptor[] Services =
    [
        ApiKeyServiceReflection.Descriptor.Services[0],
        IngestionServiceReflection.Descriptor.Services[0],
        InferenceQueryServiceReflection.Descriptor.Services[0],
        InferenceResultServiceReflection.Descriptor.Services[0],
        EvaluationResultServiceReflection.Descriptor.Services[0],
        GatewayMetricsServiceReflection.Descriptor.Services[0],
    ];

    [Fact]
    public async Task OpenApiJson_WithoutCredentials_IsAnOpenApi3Document()
    {
        var document = await FetchAsync();

        Assert.Equal("3.0.3", (string?)document["openapi"]);
        Assert.Equal("InferenceGrpc", (string?)document["info"]!["title"]);
        Assert.NotEmpty(document["paths"]!.AsObject());
    }

    [Fact]
    public async Task OpenApiJson_HasAnOperationForEveryHttpRule()
    {
        var paths = (await FetchAsync())["paths"]!;

        var rules = Services.SelectMany(s => s.Methods)
            .Select(m => m.GetOptions()?.GetExtension(AnnotationsExtensions.Http))
            .OfType<HttpRule>()
            .SelectMany(r => new[] { r }.Concat(r.AdditionalBindings))
            .ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var (verb, template) = rule.PatternCase == HttpRule.PatternOneofCase.Get ? ("get", rule.Get) : ("post", rule.Post);
            var path = Variable().Replace(template, "{$1}");
            Assert.True(paths[path]?[verb] is not null, $"{verb} {path} is missing");
        }
    }

    [Fact]
    public async Task TensorZeroList_DescribesSnakeCaseBodyAndErrorObject()
    {
        var operation = (await FetchAsync())["paths"]!["/v1/inferences/list_inferences"]!["post"]!;

        var request = Schema(operation["requestBody"]!)["properties"]!;
        Assert.NotNull(request["function_name"]);
        Assert.NotNull(request["search_query_experimental"]);
        Assert.Null(request["functionName"]);
        var record = Schema(operation["responses"]!["200"]!)["properties"]!["inferences"]!["items"]!;
        Assert.True((bool?)record["properties"]!["processing_time_ms"]!["nullable"]);
        Assert.NotNull(Schema(operation["responses"]!["default"]!)["properties"]!["error"]);
    }

    [Fact]
    public async Task GalteaList_DescribesABareArrayOfCamelCaseResultsWithExplicitNulls()
    {
        var operation = (await FetchAsync())["paths"]!["/inferenceResults"]!["get"]!;

        var reply = Schema(operation["responses"]!["200"]!);
        Assert.Equal("array", (string?)reply["type"]);
        var item = reply["items"]!;
        Assert.Equal("string", (string?)item["properties"]!["sessionId"]!["type"]);
        Assert.True((bool?)item["properties"]!["actualOutput"]!["nullable"]);
        Assert.Contains("deletedAt", item["required"]!.AsArray().Select(n => (string?)n));
        var parameters = operation["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("sessionIds", parameters);
        Assert.Contains("fromCreatedAt", parameters);
        Assert.NotNull(Schema(operation["responses"]!["default"]!)["properties"]!["message"]);
    }

    [Fact]
    public async Task WeaveQuery_DescribesItsBodyWithPathParameters()
    {
        var operation = (await FetchAsync())["paths"]!["/v2/{query.entity}/{query.project}/eval_results/query"]!["post"]!;

        Assert.Equal(["query.entity", "query.project"], operation["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.NotNull(Schema(operation["requestBody"]!)["properties"]!["evaluation_call_ids"]);
        Assert.NotNull(Schema(operation["responses"]!["200"]!)["properties"]!["total_rows"]);
    }

    [Fact]
    public async Task TrueFoundryQuery_DescribesCamelCaseBodyAndDynamicDataPoints()
    {
        var paths = (await FetchAsync())["paths"]!;
        var operation = paths["/api/svc/v1/llm-gateway/metrics/query"]!["post"]!;

        Assert.Contains("startTs", Schema(operation["requestBody"]!)["required"]!.AsArray().Select(n => (string?)n));
        var point = Schema(operation["responses"]!["200"]!)["properties"]!["data"]!["properties"]!["dataPoints"]!["items"]!;
        Assert.NotNull(point["additionalProperties"]);
        var stream = paths["/api/svc/v1/llm-gateway/metrics/query:stream"]!["post"]!;
        Assert.NotNull(stream["responses"]!["200"]!["content"]!["application/x-ndjson"]);
        Assert.NotNull(Schema(stream["requestBody"]!)["properties"]!["pageSize"]);
    }

    [Fact]
    public async Task InferenceFeedback_DescribesPathAndQueryParametersAndBothLists()
    {
        var document = await FetchAsync();
        var operation = document["paths"]!["/v1/inferences/{inference_id}/feedback"]!["get"]!;
        var schemas = document["components"]!["schemas"]!;

        var parameters = operation["parameters"]!.AsArray().Select(p => ((string?)p!["name"], (string?)p["in"])).ToList();
        Assert.Contains(("inference_id", "path"), parameters);
        Assert.Contains(("limit", "query"), parameters);
        Assert.Equal("#/components/schemas/inference.v1.GetInferenceFeedbackResponse", (string?)Schema(operation["responses"]!["200"]!)["$ref"]);
        var reply = schemas["inference.v1.GetInferenceFeedbackResponse"]!["properties"]!;
        Assert.Equal("#/components/schemas/inference.v1.Feedback", (string?)reply["inferenceFeedback"]!["items"]!["$ref"]);
        Assert.NotNull(reply["episodeFeedback"]);
        Assert.NotNull(schemas["inference.v1.Feedback"]!["properties"]!["metricName"]);
    }

    private static JsonNode Schema(JsonNode bodyOrResponse) =>
        bodyOrResponse["content"]!.AsObject().Single().Value!["schema"]!;

    private async Task<JsonObject> FetchAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = server.Http.BaseAddress };
        using var reply = await anonymous.GetAsync(new Uri("/openapi.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("application/json", reply.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await reply.Content.ReadAsStringAsync())!.AsObject();
    }

    [GeneratedRegex(@"\{([^}=]+)(=[^}]*)?\}")]
    private static partial Regex Variable();
}
