using System.Net;
using System.Text.Json;
using InferenceGrpc.Api.Tests.Infrastructure;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests;

/// <summary>POST /v1/inferences/stream_inferences, our extension: the list body in, one page per NDJSON line out.</summary>
[Collection(SharedServer.Name)]
public sealed class StreamInferencesTests(ApiServer server)
{
    private const string Path = "/v1/inferences/stream_inferences";

    [Fact]
    public async Task StreamInferences_PageSize10_WritesEveryPageAsOneGoldenLine()
    {
        var reply = await server.PostAsync(Path, """{"function_name":"bulk","page_size":10}""");
        var lines = Lines(reply);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/x-ndjson", reply.ContentType);
        Assert.Equal(3, lines.Count);
        var bulk = NewestFirst.Take(BulkCount).ToList();
        for (var page = 0; page < 3; page++)
        {
            var golden = Golden.Page(bulk.Skip(page * 10).Take(10));
            var token = Token(lines[page]);
            Assert.Equal(golden[..^1] + $$""","next_page_token":"{{token}}"}""", lines[page]);
            Assert.Equal(page < 2, token.Length > 0);
        }
    }

    [Fact]
    public async Task StreamInferences_TokenOfAPage_ResumesAfterIt()
    {
        var first = Lines(await server.PostAsync(Path, """{"function_name":"bulk","page_size":10}"""))[0];
        var resumed = Lines(await server.PostAsync(Path, $$"""{"function_name":"bulk","page_size":10,"page_token":"{{Token(first)}}"}"""));

        Assert.Equal(2, resumed.Count);
        Assert.Equal(NewestFirst.Skip(10).Take(12), resumed.SelectMany(Ids));
    }

    [Fact]
    public async Task StreamInferences_FilterAndDemonstration_StreamsTheSameRecordsAsList()
    {
        const string Selection = "\"output_source\":\"demonstration\",\"filters\":{\"type\":\"tag\",\"key\":\"env\",\"value\":\"prod\",\"comparison_operator\":\"=\"}";
        var stream = Lines(await server.PostAsync(Path, "{" + Selection + ",\"page_size\":1}"));

        // A full page always carries a token, so the last full page is followed by an empty one.
        Assert.Equal(3, stream.Count);
        Assert.Equal(Golden.Page([J1], Golden.Source.Demonstration)[..^1], stream[0][..stream[0].IndexOf(",\"next_page_token\"", StringComparison.Ordinal)]);
        Assert.Equal("{\"inferences\":[],\"next_page_token\":\"\"}", stream[2]);
        Assert.Equal([J1, H1], stream.SelectMany(Ids));
    }

    [Fact]
    public async Task StreamInferences_NothingMatches_WritesOneEmptyPage()
    {
        var reply = await server.PostAsync(Path, """{"function_name":"tensorzero::default"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("{\"inferences\":[],\"next_page_token\":\"\"}\n", reply.Body);
    }

    [Theory]
    [InlineData("""{"page_size":-1}""", 400, "page_size: invalid value: integer `-1`, expected u32")]
    [InlineData("""{"filters":{"type":"nope"}}""", 400, "filters: unknown variant `nope`, expected one of `float_metric`, `boolean_metric`, `demonstration_feedback`, `tag`, `time`, `and`, `or`, `not`")]
    [InlineData("""{"function_name":"nope"}""", 404, "Unknown function: nope")]
    [InlineData("{", 400, "Failed to parse the request body as JSON (400 Bad Request)")]
    public async Task StreamInferences_BadRequest_AnswersWithStatusAndErrorObject(string body, int status, string message)
    {
        var reply = await server.PostAsync(Path, body);

        Assert.Equal(status, (int)reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal($$"""{"error":"{{message}}"}""", reply.Body);
    }

    private static List<string> Lines(RestReply reply)
    {
        Assert.EndsWith("\n", reply.Body, StringComparison.Ordinal);
        return [.. reply.Body.TrimEnd('\n').Split('\n')];
    }

    private static string Token(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("next_page_token").GetString()!;
    }

    private static List<string> Ids(string line)
    {
        using var json = JsonDocument.Parse(line);
        return [.. json.RootElement.GetProperty("inferences").EnumerateArray().Select(i => i.GetProperty("inference_id").GetString()!)];
    }
}
