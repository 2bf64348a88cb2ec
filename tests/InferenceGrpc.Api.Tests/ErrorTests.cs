using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests;

/// <summary>
/// Every error of api-compat-spec 1.8 over REST, exact status and exact body. Auth failures
/// and an unavailable store have no trigger in this host; their status mapping is covered in
/// <see cref="ShapeTests"/>.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ErrorTests(ApiServer server)
{
    [Theory]
    [InlineData("{")]
    [InlineData("{\"limit\":1,}")]
    [InlineData("not json")]
    [InlineData("{\"a\":1} {}")]
    [InlineData("   ")]
    public async Task ListInferences_MalformedJson_Returns400(string body)
    {
        var reply = await server.ListAsync(body);

        AssertError(reply, HttpStatusCode.BadRequest, "Failed to parse the request body as JSON (400 Bad Request)");
    }

    [Theory]
    [InlineData("""{"limit":-1}""", "limit: invalid value: integer `-1`, expected u32")]
    [InlineData("""{"limit":4294967296}""", "limit: invalid value: integer `4294967296`, expected u32")]
    [InlineData("""{"limit":1.5}""", "limit: invalid type: floating point `1.5`, expected u32")]
    [InlineData("""{"limit":20.0}""", "limit: invalid type: floating point `20.0`, expected u32")]
    [InlineData("""{"limit":1e30}""", "limit: invalid type: floating point `1e30`, expected u32")]
    [InlineData("""{"limit":"20"}""", "limit: invalid type: string \\\"20\\\", expected u32")]
    [InlineData("""{"offset":true}""", "offset: invalid type: boolean `true`, expected u32")]
    [InlineData("""{"function_name":5}""", "function_name: invalid type: integer `5`, expected a string")]
    [InlineData("""{"variant_name":["v1"]}""", "variant_name: invalid type: sequence, expected a string")]
    [InlineData("""{"output_source":"foo"}""", "output_source: unknown variant `foo`, expected one of `none`, `inference`, `demonstration`")]
    [InlineData("""{"output_source":null}""", "output_source: invalid type: null, expected string or map")]
    [InlineData("""{"before":"xyz"}""", "before: UUID parsing failed: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `x` at 1")]
    [InlineData("""{"episode_id":"{0197}"}""", "episode_id: UUID parsing failed: invalid group count: expected 5, found 1")]
    [InlineData("""{"order_by":{}}""", "order_by: invalid type: map, expected a sequence")]
    [InlineData("""{"order_by":[{"by":"timestamp","direction":"up"}]}""", "order_by[0].direction: unknown variant `up`, expected `ascending` or `descending`")]
    [InlineData("""{"order_by":[{"by":"timestamp"},{"direction":"ascending"}]}""", "order_by[1]: missing field `by`")]
    [InlineData("""{"order_by":[{"by":"rank","direction":"ascending"}]}""", "order_by[0]: unknown variant `rank`, expected one of `timestamp`, `metric`, `search_relevance`")]
    [InlineData("""{"order_by":[{"by":"metric","direction":"ascending"}]}""", "order_by[0]: missing field `name`")]
    [InlineData("""{"order_by":["timestamp"]}""", "order_by[0]: invalid type: string \\\"timestamp\\\", expected struct OrderBy")]
    [InlineData("""[]""", "invalid length 0, expected struct ListInferencesRequest with 12 elements")]
    [InlineData("""5""", "invalid type: integer `5`, expected struct ListInferencesRequest")]
    [InlineData("""null""", "invalid type: null, expected struct ListInferencesRequest")]
    public async Task ListInferences_BadMember_Returns400WithSerdeText(string body, string message)
    {
        var reply = await server.ListAsync(body);

        AssertError(reply, HttpStatusCode.BadRequest, message);
    }

    [Theory]
    [InlineData("""{"type":"float_metric","metric_name":"quality","comparison_operator":">"}""", "filters: missing field `value`")]
    [InlineData("""{"type":"tag","key":"env","value":"prod"}""", "filters: missing field `comparison_operator`")]
    [InlineData("""{"type":"time","comparison_operator":">"}""", "filters: missing field `time`")]
    [InlineData("""{"type":"demonstration_feedback"}""", "filters: missing field `has_demonstration`")]
    [InlineData("""{"type":"boolean_metric","metric_name":"thumbs_up"}""", "filters: missing field `value`")]
    [InlineData("""{"type":"not"}""", "filters: missing field `child`")]
    [InlineData("""{"type":"and"}""", "filters: missing field `children`")]
    [InlineData("""{"metric_name":"quality"}""", "filters: TensorZeroDerive: missing tag field `type`")]
    [InlineData("""{"type":"regex"}""", "filters: unknown variant `regex`, expected one of `float_metric`, `boolean_metric`, `demonstration_feedback`, `tag`, `time`, `and`, `or`, `not`")]
    [InlineData("""{"type":"tag","key":"env","value":"prod","comparison_operator":"<"}""", "filters: comparison_operator: unknown variant `<`, expected `=` or `!=`")]
    [InlineData("""{"type":"float_metric","metric_name":"quality","value":"high","comparison_operator":">"}""", "filters: value: invalid type: string \\\"high\\\", expected f64")]
    [InlineData("""{"type":"float_metric","metric_name":"quality","value":1,"comparison_operator":"~"}""", "filters: comparison_operator: unknown variant `~`, expected one of `<`, `<=`, `=`, `>`, `>=`, `!=`")]
    [InlineData("""{"type":"time","time":"yesterday","comparison_operator":">"}""", "filters: time: input contains invalid characters")]
    [InlineData("""{"type":"time","time":"2025-06-01","comparison_operator":">"}""", "filters: time: premature end of input")]
    [InlineData("""{"type":"time","time":"2025-13-01T00:00:00Z","comparison_operator":">"}""", "filters: time: input is out of range")]
    [InlineData("""{"type":"time","time":"2025-06-01T00:00:00Zjunk","comparison_operator":">"}""", "filters: time: trailing input")]
    [InlineData("""{"type":"and","children":[{"type":"tag","key":"a","value":"b","comparison_operator":"="},{"type":"tag","key":"a","value":"b"}]}""", "filters: children.[1]: missing field `comparison_operator`")]
    [InlineData("""{"type":"or","children":[{"type":"not","child":{"type":"float_metric","metric_name":"quality","value":null,"comparison_operator":">"}}]}""", "filters: children.[0]: child: value: invalid type: null, expected f64")]
    [InlineData("""{"type":"and","children":[7]}""", "filters: children.[0]: invalid type: number, expected object")]
    [InlineData("""[]""", "filters: invalid type: sequence, expected object")]
    public async Task ListInferences_BadFilter_Returns400NamingThePath(string filter, string message)
    {
        var reply = await server.ListAsync($$"""{"filters":{{filter}}}""");

        AssertError(reply, HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task ListInferences_BadDeprecatedFilter_FailsEvenNextToGoodFilters()
    {
        var reply = await server.ListAsync("""{"filters":{"type":"and","children":[]},"filter":{"type":"nope"}}""");

        AssertError(reply, HttpStatusCode.BadRequest, "filter: unknown variant `nope`, expected one of `float_metric`, `boolean_metric`, `demonstration_feedback`, `tag`, `time`, `and`, `or`, `not`");
    }

    [Fact]
    public async Task ListInferences_FirstBadMemberInDocumentOrder_IsTheOneReported()
    {
        var reply = await server.ListAsync("""{"offset":-5,"limit":-1}""");

        AssertError(reply, HttpStatusCode.BadRequest, "offset: invalid value: integer `-5`, expected u32");
    }

    [Fact]
    public async Task ListInferences_BeforeAndAfter_Returns400()
    {
        var reply = await server.ListAsync($$"""{"before":"{{H1}}","after":"{{Ex}}"}""");

        AssertError(reply, HttpStatusCode.BadRequest, "Cannot specify both 'before' and 'after' parameters");
    }

    [Theory]
    [InlineData("before", 0)]
    [InlineData("after", 5)]
    public async Task ListInferences_CursorWithOffset_Returns400EvenForOffsetZero(string cursor, int offset)
    {
        var reply = await server.ListAsync($$"""{"{{cursor}}":"{{H1}}","offset":{{offset}}}""");

        AssertError(reply, HttpStatusCode.BadRequest, "Cannot use 'offset' with cursor pagination ('before' or 'after')");
    }

    [Fact]
    public async Task ListInferences_CursorWithMetricOrder_Returns400()
    {
        var reply = await server.ListAsync($$"""{"function_name":"write_haiku","before":"{{H1}}","order_by":[{"by":"metric","name":"quality","direction":"ascending"}]}""");

        AssertError(reply, HttpStatusCode.BadRequest, "Cannot order by metric 'quality'; only ordering by timestamp is supported with before/after pagination.");
    }

    [Fact]
    public async Task ListInferences_CursorWithSearchRelevanceOrder_Returns400()
    {
        var reply = await server.ListAsync($$"""{"after":"{{H1}}","search_query_experimental":"x","order_by":[{"by":"search_relevance","direction":"descending"}]}""");

        AssertError(reply, HttpStatusCode.BadRequest, "Cannot order by search relevance; only ordering by timestamp is supported with before/after pagination.");
    }

    [Fact]
    public async Task ListInferences_NumberBeyondF64_Returns400NotJson()
    {
        var reply = await server.ListAsync("""{"limit":1e400}""");

        AssertError(reply, HttpStatusCode.BadRequest, "Failed to parse the request body as JSON (400 Bad Request)");
    }

    [Fact]
    public async Task ListInferences_BodyBeyondTheBufferLimit_Returns400WithAxumText()
    {
        var reply = await server.ListAsync("{\"pad\":\"" + new string('a', 6 * 1024 * 1024) + "\"}");

        AssertError(reply, HttpStatusCode.BadRequest, "Failed to buffer the request body (413 Payload Too Large)");
    }

    [Fact]
    public async Task ListInferences_OutputSourceAsSingleKeyMap_IsAccepted()
    {
        var accepted = await server.ListAsync("""{"output_source":{"none":null},"limit":1}""");
        var refused = await server.ListAsync("""{"output_source":{"none":1}}""");

        Assert.Equal(Golden.Page([Bulk(BulkCount - 1)], Golden.Source.None), accepted.Body);
        AssertError(refused, HttpStatusCode.BadRequest, "output_source: invalid type: integer `1`, expected unit");
    }

    [Fact]
    public async Task ListInferences_OrderByMetricWithoutFunction_Returns400()
    {
        var reply = await server.ListAsync("""{"order_by":[{"by":"metric","name":"quality","direction":"descending"}]}""");

        AssertError(reply, HttpStatusCode.BadRequest, "ORDER BY metric 'quality' is not supported when querying without function_name");
    }

    [Fact]
    public async Task ListInferences_SearchRelevanceWithoutQuery_Returns400()
    {
        var reply = await server.ListAsync("""{"order_by":[{"by":"search_relevance","direction":"descending"}]}""");

        AssertError(reply, HttpStatusCode.BadRequest, "ORDER BY search_relevance requires search_query_experimental to be provided");
    }

    [Fact]
    public async Task ListInferences_UnknownMetricInFilter_Returns400()
    {
        var reply = await server.ListAsync("""{"filters":{"type":"float_metric","metric_name":"nope","value":1,"comparison_operator":">"}}""");

        AssertError(reply, HttpStatusCode.BadRequest, "Invalid metric name: nope");
    }

    [Fact]
    public async Task ListInferences_UnknownMetricInOrderBy_Returns400()
    {
        var reply = await server.ListAsync("""{"function_name":"write_haiku","order_by":[{"by":"metric","name":"nope","direction":"descending"}]}""");

        AssertError(reply, HttpStatusCode.BadRequest, "Invalid metric name: nope");
    }

    [Fact]
    public async Task ListInferences_UnknownFunction_Returns404()
    {
        var reply = await server.ListAsync("""{"function_name":"nope"}""");

        AssertError(reply, HttpStatusCode.NotFound, "Unknown function: nope");
    }

    [Fact]
    public async Task ListInferences_DefaultFunctionWithoutData_IsKnown()
    {
        var reply = await server.ListAsync("""{"function_name":"tensorzero::default"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("""{"inferences":[]}""", reply.Body);
    }

    [Fact]
    public async Task GetInferences_MalformedJson_Returns400()
    {
        var reply = await server.GetAsync("{\"ids\":[");

        AssertError(reply, HttpStatusCode.BadRequest, "Failed to parse the request body as JSON (400 Bad Request)");
    }

    [Fact]
    public async Task GetInferences_UnknownOutputSource_Returns400()
    {
        var reply = await server.GetAsync("""{"ids":[],"output_source":"best"}""");

        AssertError(reply, HttpStatusCode.BadRequest, "output_source: unknown variant `best`, expected one of `none`, `inference`, `demonstration`");
    }

    [Fact]
    public async Task GetInferences_EmptyArrayBody_Returns400WithStructLength()
    {
        var reply = await server.GetAsync("[]");

        AssertError(reply, HttpStatusCode.BadRequest, "invalid length 0, expected struct GetInferencesRequest with 3 elements");
    }

    private static void AssertError(RestReply reply, HttpStatusCode status, string message)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("{\"error\":\"" + message + "\"}", reply.Body);
    }
}
