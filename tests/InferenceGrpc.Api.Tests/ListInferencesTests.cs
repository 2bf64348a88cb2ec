using System.Net;
using System.Text.Json;
using InferenceGrpc.Api.Tests.Infrastructure;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests;

/// <summary>POST /v1/inferences/list_inferences (api-compat-spec 1.4, 1.6, 1.7), compared as exact bytes.</summary>
[Collection(SharedServer.Name)]
public sealed class ListInferencesTests(ApiServer server)
{
    [Fact]
    public async Task ListInferences_SpecExampleRecord_ReturnsTheSpecExampleByteForByte()
    {
        var reply = await server.ListAsync("""{"function_name":"write_haiku","order_by":[{"by":"timestamp","direction":"ascending"}],"limit":1}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(Golden.SpecExample, reply.Body);
    }

    [Fact]
    public async Task ListInferences_EmptyBody_ReturnsNewest20()
    {
        var reply = await server.ListAsync("{}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Golden.Page(NewestFirst.Take(20)), reply.Body);
    }

    [Fact]
    public async Task ListInferences_NoBodyAtAll_Returns400NotJson()
    {
        var reply = await server.ListAsync(string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("""{"error":"Failed to parse the request body as JSON (400 Bad Request)"}""", reply.Body);
    }

    [Fact]
    public async Task ListInferences_Function_ReturnsEveryGoldenRecordOfIt()
    {
        var chat = await server.ListAsync("""{"function_name":"write_haiku"}""");
        var json = await server.ListAsync("""{"function_name":"extract_entities","variant_name":"v1"}""");

        Assert.Equal(Golden.Page([H3, H2, H1, Ex]), chat.Body);
        Assert.Equal(Golden.Page([J1]), json.Body);
    }

    [Fact]
    public async Task ListInferences_EpisodeId_ReturnsThatEpisode()
    {
        var reply = await server.ListAsync($$"""{"episode_id":"{{E1}}"}""");

        Assert.Equal(Golden.Page([H2, H1, Ex]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_UnknownFields_AreIgnored()
    {
        // search_query is not TensorZero's field name (search_query_experimental is), so it is ignored too.
        var reply = await server.ListAsync("""{"function_name":"extract_entities","search_query":"zzz","no_such_field":{"a":[1,2]},"limit_":-1}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Golden.Page([J2, J1]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_DuplicateKey_LastValueWins()
    {
        var reply = await server.ListAsync("""{"function_name":"bulk","function_name":"extract_entities"}""");

        Assert.Equal(Golden.Page([J2, J1]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_Demonstration_ReturnsDemonstrationsWithOriginalAsDispreferred()
    {
        var reply = await server.ListAsync("""{"output_source":"demonstration"}""");

        Assert.Equal(Golden.Page([J1, H2, H1], Golden.Source.Demonstration), reply.Body);
    }

    [Fact]
    public async Task ListInferences_OutputSourceNone_OmitsOutputAndKeepsDispreferredEmpty()
    {
        var reply = await server.ListAsync("""{"output_source":"none","limit":30}""");

        Assert.Equal(Golden.Page(NewestFirst, Golden.Source.None), reply.Body);
        Assert.DoesNotContain("\"output\":", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListInferences_RecordWithoutEpisodeOrTags_StillHasTimestampTagsAndNilEpisode()
    {
        var reply = await server.GetAsync($$"""{"ids":["{{H3}}"]}""");

        Assert.Equal(Golden.Page([H3]), reply.Body);
        Assert.Contains("\"tags\":{}", reply.Body, StringComparison.Ordinal);
        Assert.Contains("\"timestamp\":\"2025-06-01T12:34:59Z\"", reply.Body, StringComparison.Ordinal);
        Assert.Contains("\"episode_id\":\"00000000-0000-0000-0000-000000000000\"", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListInferences_NoLatencyRecorded_WritesNullTimes()
    {
        var reply = await server.ListAsync("""{"variant_name":"v2","function_name":"write_haiku"}""");

        Assert.Equal(Golden.Page([H2]), reply.Body);
        Assert.Contains("\"processing_time_ms\":null,\"ttft_ms\":null", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListInferences_SearchQueryExperimental_MatchesInputOrOutputCaseInsensitively()
    {
        var reply = await server.ListAsync("""{"search_query_experimental":"CHERRY"}""");

        Assert.Equal(Golden.Page([H1]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_OrderByMetric_SortsByLatestValueWithMissingLast()
    {
        var reply = await server.ListAsync("""{"function_name":"write_haiku","order_by":[{"by":"metric","name":"quality","direction":"descending"}]}""");

        Assert.Equal(Golden.Page([H1, H2, H3, Ex]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_OrderByWithoutDirection_SortsDescending()
    {
        var reply = await server.ListAsync("""{"function_name":"write_haiku","order_by":[{"by":"timestamp"}]}""");

        Assert.Equal(Golden.Page([H3, H2, H1, Ex]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_OrderBySearchRelevance_WithQuery_Succeeds()
    {
        var reply = await server.ListAsync("""{"search_query_experimental":"bulk answer 1","order_by":[{"by":"search_relevance","direction":"descending"}],"limit":3}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(3, Ids(reply).Count);
    }

    [Fact]
    public async Task ListInferences_TensorZeroRequest_CarriesNoExtensionKeys()
    {
        var reply = await server.ListAsync("""{"limit":2}""");

        using var json = JsonDocument.Parse(reply.Body);
        Assert.Equal(["inferences"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ListInferences_WithExtensions_AddsNextPageTokenAndTotalCount()
    {
        var first = await server.ListAsync("""{"function_name":"bulk","limit":15,"page_token":"","include_total_count":true}""");
        using var firstJson = JsonDocument.Parse(first.Body);
        var token = firstJson.RootElement.GetProperty("next_page_token").GetString();
        var second = await server.ListAsync($$"""{"function_name":"bulk","limit":15,"page_token":"{{token}}"}""");

        Assert.Equal(["inferences", "next_page_token", "total_count"], firstJson.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(BulkCount, firstJson.RootElement.GetProperty("total_count").GetInt64());
        Assert.Equal(NewestFirst.Take(15), Ids(first));
        Assert.Equal(NewestFirst.Skip(15).Take(7), Ids(second));
        Assert.EndsWith("],\"next_page_token\":\"\"}", second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListInferences_OtherProject_SeesNoneOfTheDefaultProject()
    {
        var reply = await server.ListAsync("""{"project":"someone-else"}""");

        Assert.Equal("""{"inferences":[]}""", reply.Body);
    }

    internal static List<string> Ids(RestReply reply)
    {
        using var json = JsonDocument.Parse(reply.Body);
        return [.. json.RootElement.GetProperty("inferences").EnumerateArray().Select(i => i.GetProperty("inference_id").GetString()!)];
    }
}
