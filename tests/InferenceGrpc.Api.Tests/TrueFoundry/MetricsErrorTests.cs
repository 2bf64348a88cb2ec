using System.Net;
using System.Text.Json;

namespace InferenceGrpc.Api.Tests.TrueFoundry;

/// <summary>
/// Every 400 of api-compat-spec 4.5 (and its recommended extra checks) over REST: status 400 and
/// the body {"status":400,"message":...,"code":...}, exactly where the text is the spec's.
/// </summary>
public sealed class MetricsErrorTests(MetricsServer server) : IClassFixture<MetricsServer>
{
    private const string Window = "\"startTs\":\"2026-04-30T10:00:00Z\",\"endTs\":\"2026-04-30T11:00:00Z\",\"datasource\":\"modelMetrics\"";

    [Fact]
    public async Task QueryMetrics_UnknownFilterField_Returns400WithTheDocumentedMessage()
    {
        var reply = await server.QueryAsync($$"""{{{Window}},"type":"distribution","filters":[{"fieldName":"providerName","operator":"IN","value":["openai"]}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("""{"status":400,"message":"Unsupported modelMetrics filter name: providerName","code":"UNSUPPORTED_FILTER_FIELD"}""", reply.Body);
    }

    public static TheoryData<string, string, string> BadFilters => new()
    {
        { """{"fieldName":"latencyMs","operator":"STRING_CONTAINS","value":"1"}""", "UNSUPPORTED_OPERATOR", "operator 'STRING_CONTAINS' is not allowed on 'latencyMs'" },
        { """{"fieldName":"team","operator":"IN","value":["ml"]}""", "UNSUPPORTED_OPERATOR", "operator 'IN' is not allowed on 'team'" },
        { """{"fieldName":"createdBySubjectType","operator":"STRING_CONTAINS","value":"u"}""", "UNSUPPORTED_OPERATOR", "not allowed on 'createdBySubjectType'" },
        { """{"fieldName":"latencyMs","operator":"NOT_EQUAL","value":1}""", "UNSUPPORTED_OPERATOR", "not allowed on 'latencyMs'" },
        { """{"fieldName":"modelName","operator":"LIKE","value":"gpt"}""", "UNSUPPORTED_OPERATOR", "operator 'LIKE' is not allowed on 'modelName'" },
        { """{"fieldName":"modelName","operator":"EQUAL"}""", "INVALID_FILTER_VALUE", "filters[0]: 'value' is required" },
        { """{"fieldName":"modelName","operator":"EQUAL","value":null}""", "INVALID_FILTER_VALUE", "filters[0]: 'value' is required" },
        { """{"fieldName":"modelName","operator":"IN","value":"gpt-4"}""", "INVALID_FILTER_VALUE", "filters[0]: 'value' must be a non-empty array" },
        { """{"fieldName":"modelName","operator":"NOT_IN","value":[]}""", "INVALID_FILTER_VALUE", "filters[0]: 'value' must be a non-empty array" },
        { """{"fieldName":"latencyMs","operator":"BETWEEN","value":100}""", "INVALID_FILTER_VALUE", "filters[0]: BETWEEN takes [low, high]" },
        { """{"fieldName":"latencyMs","operator":"BETWEEN","value":[1,2,3]}""", "INVALID_FILTER_VALUE", "filters[0]: BETWEEN takes [low, high]" },
        { """{"fieldName":"latencyMs","operator":"GREATER_THAN","value":"100"}""", "INVALID_FILTER_VALUE", "filters[0].value: expected a number" },
        { """{"fieldName":"modelName","operator":"IN","value":["gpt-4",5]}""", "INVALID_FILTER_VALUE", "filters[0].value[1]: expected a string" },
        { """{"fieldName":"modelName","operator":"EQUAL","value":["gpt-4"]}""", "INVALID_FILTER_VALUE", "filters[0].value: expected a string" },
        { """{"fieldName":"virtualModelName","operator":"IS_NULL","value":"yes"}""", "INVALID_FILTER_VALUE", "IS_NULL takes true (is null) or false (is not null)" },
        { """{"fieldName":"team","operator":"ARRAY_HAS_ANY","value":"ml"}""", "INVALID_FILTER_VALUE", "must be a non-empty array" },
        { """{"fieldName":"modelName","metadataKey":"env","operator":"IN","value":["x"]}""", "INVALID_FILTER", "give exactly one of 'fieldName' and 'metadataKey'" },
        { """{"operator":"IN","value":["x"]}""", "INVALID_FILTER", "give exactly one of 'fieldName' and 'metadataKey'" },
        { """{"metadataKey":"env","operator":"ARRAY_HAS_ANY","value":["x"]}""", "UNSUPPORTED_OPERATOR", "not allowed on 'metadata key 'env''" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task QueryMetrics_BadFilter_Returns400(string filter, string code, string message)
    {
        var reply = await server.QueryAsync($$"""{{{Window}},"type":"distribution","filters":[{{filter}}]}""");

        AssertError(reply, code, message);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { $$"""{{{Window}},"type":"timeseries"}""", "MISSING_INTERVAL", "'interval' is required for a timeseries query" },
        { $$"""{{{Window}},"type":"timeseries","interval":"1 hour 30 minute"}""", "INVALID_INTERVAL", "must be '<positive integer> <unit>'" },
        { $$"""{{{Window}},"type":"timeseries","interval":"5 fortnight"}""", "INVALID_INTERVAL", "unknown unit 'fortnight'" },
        { $$"""{{{Window}},"type":"timeseries","interval":"1 month"}""", "INVALID_INTERVAL", "unknown unit 'month'" },
        { $$"""{{{Window}},"type":"timeseries","interval":"0 hour"}""", "INVALID_INTERVAL", "the count must be a positive integer" },
        { $$"""{{{Window}},"type":"timeseries","interval":"-5 minute"}""", "INVALID_INTERVAL", "must be '<positive integer> <unit>'" },
        { $$"""{{{Window}},"type":"timeseries","interval":"hour"}""", "INVALID_INTERVAL", "must be '<positive integer> <unit>'" },
        { $$"""{{{Window}},"type":"timeseries","intervalInSeconds":0}""", "INVALID_INTERVAL", "intervalInSeconds must be a positive integer" },
        { """{"startTs":"2026-01-01T00:00:00Z","endTs":"2026-01-02T00:00:00Z","datasource":"modelMetrics","type":"timeseries","interval":"1 second"}""", "TOO_MANY_BUCKETS", "The window holds 86400 buckets of '1 second', more than 10000" },
        { """{"startTs":"2026-04-30T11:00:00Z","endTs":"2026-04-30T11:00:00Z","datasource":"modelMetrics","type":"distribution"}""", "INVALID_TIME_RANGE", "endTs (2026-04-30T11:00:00Z) must be after startTs (2026-04-30T11:00:00Z)" },
        { """{"startTs":"2026-04-30T12:00:00Z","endTs":"2026-04-30T11:00:00Z","datasource":"modelMetrics","type":"distribution"}""", "INVALID_TIME_RANGE", "must be after startTs" },
        { """{"startTs":"yesterday","endTs":"2026-04-30T11:00:00Z","datasource":"modelMetrics","type":"distribution"}""", "INVALID_TIMESTAMP", "startTs: 'yesterday' is not an ISO 8601 timestamp" },
        { """{"startTs":"2026-04-30T10:00:00Z","endTs":"2026-13-30T11:00:00Z","datasource":"modelMetrics","type":"distribution"}""", "INVALID_TIMESTAMP", "endTs: '2026-13-30T11:00:00Z' is not an ISO 8601 timestamp" },
        { """{"endTs":"2026-04-30T11:00:00Z","datasource":"modelMetrics","type":"distribution"}""", "MISSING_FIELD", "'startTs' is required" },
        { """{"startTs":"2026-04-30T10:00:00Z","endTs":"2026-04-30T11:00:00Z","type":"distribution"}""", "MISSING_FIELD", "'datasource' is required" },
        { """{"startTs":"2026-04-30T10:00:00Z","endTs":"2026-04-30T11:00:00Z","datasource":"mcpMetrics","type":"distribution"}""", "UNSUPPORTED_DATASOURCE", "Unsupported datasource: mcpMetrics" },
        { $$"""{{{Window}}}""", "MISSING_FIELD", "'type' is required" },
        { $$"""{{{Window}},"type":"histogram"}""", "INVALID_QUERY_TYPE", "Unsupported type: histogram" },
        { $$"""{{{Window}},"type":"distribution","aggregations":[{"type":"sum","column":"modelName"}]}""", "INVALID_AGGREGATION", "aggregations[0]: 'sum' does not apply to the text column 'modelName'" },
        { $$"""{{{Window}},"type":"distribution","aggregations":[{"type":"countDistinct","column":"latencyMs"}]}""", "INVALID_AGGREGATION", "'countDistinct' does not apply to the numeric column 'latencyMs'" },
        { $$"""{{{Window}},"type":"distribution","aggregations":[{"type":"p42","column":"latencyMs"}]}""", "INVALID_AGGREGATION", "unsupported aggregation type 'p42'" },
        { $$"""{{{Window}},"type":"distribution","aggregations":[{"type":"sum","column":"tokens"}]}""", "INVALID_AGGREGATION", "unsupported aggregation column 'tokens'" },
        { $$"""{{{Window}},"type":"distribution","aggregations":[{"type":"sum"}]}""", "INVALID_AGGREGATION", "unsupported aggregation column ''" },
        { $$"""{{{Window}},"type":"distribution","groupBy":["providerName"]}""", "INVALID_GROUP_BY", "Unsupported modelMetrics groupBy: providerName" },
        { "{", "INVALID_JSON", "" },
        { $$"""{{{Window}},"type":"distribution","groupBy":"modelName"}""", "INVALID_JSON", "" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task QueryMetrics_BadRequest_Returns400(string body, string code, string message)
    {
        var reply = await server.QueryAsync(body);

        AssertError(reply, code, message);
    }

    [Fact]
    public async Task QueryMetrics_TooManyAggregations_Returns400()
    {
        string[] columns = ["inputTokens", "outputTokens", "latencyMs", "costInUSD", "timeToFirstTokenMs"];
        string[] types = ["sum", "avg", "min", "max", "p50"];
        var aggregations = string.Join(",", columns.SelectMany(c => types.Select(t => $$"""{"type":"{{t}}","column":"{{c}}"}""")));

        var reply = await server.QueryAsync($$"""{{{Window}},"type":"distribution","aggregations":[{{aggregations}}]}""");

        AssertError(reply, "TOO_MANY_AGGREGATIONS", "At most 20 aggregations per query, got 25");
    }

    private static void AssertError(Infrastructure.RestReply reply, string code, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        using var body = JsonDocument.Parse(reply.Body);
        Assert.Equal(["status", "message", "code"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        Assert.Contains(message, body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
