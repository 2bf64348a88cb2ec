using System.Net;
using System.Text.Json;
using InferenceGrpc.Api.Weave;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// StreamEvalResults, our extension: the rows of the query, page_size per message, every
/// message with total_rows and its page's warnings, the summary in the last one only; over
/// gRPC, gRPC-Web and REST (one NDJSON line per page, each in the unary reply's shape).
/// </summary>
[Collection(SqliteWeaveServers.Name)]
public sealed class EvalResultsStreamTests(WeaveServer server)
{
    private const string Query = """{"evaluation_call_ids": ["eval-a", "eval-b", "eval-c"], "include_summary": true, "include_raw_data_rows": true, "resolve_row_refs": true}""";

    [Fact]
    public async Task StreamEvalResults_PagesOfTwoOverGrpc_SplitTheUnaryRowsAndEndWithTheSummary()
    {
        var unary = (await server.Grpc.CallAsync<QueryEvalResultsResponse>(WeaveGrpc.Service, "QueryEvalResults", new QueryEvalResultsRequest { Query = WeaveGrpc.Query(Query) })).Single();

        var pages = await server.Grpc.CallAsync<StreamEvalResultsResponse>(WeaveGrpc.Service, "StreamEvalResults", new StreamEvalResultsRequest { Query = WeaveGrpc.Query(Query), PageSize = 2 });

        Assert.Equal([2, 2], pages.Select(p => p.Rows.Count));
        Assert.Equal(unary.Rows, pages.SelectMany(p => p.Rows));
        Assert.All(pages, p => Assert.Equal(4, p.TotalRows));
        Assert.Null(pages[0].Summary);
        Assert.Equal(unary.Summary, pages[^1].Summary);

        // Only the first page holds the dataset-row ref (row RefRow1, second by digest).
        Assert.Equal([EvaluationResultService.UnresolvedRefsWarning], pages[0].Warnings);
        Assert.Empty(pages[1].Warnings);
    }

    [Fact]
    public async Task StreamEvalResults_OverGrpcWeb_SameMessagesAsGrpc()
    {
        var request = new StreamEvalResultsRequest { Query = WeaveGrpc.Query(Query), PageSize = 3 };

        var grpc = await server.Grpc.CallAsync<StreamEvalResultsResponse>(WeaveGrpc.Service, "StreamEvalResults", request);
        var web = await server.GrpcWeb.CallAsync<StreamEvalResultsResponse>(WeaveGrpc.Service, "StreamEvalResults", request);

        Assert.Equal(2, grpc.Count);
        Assert.Equal(grpc, web);
    }

    [Fact]
    public async Task StreamEvalResults_NoRows_SendsOneMessageWithTheSummary()
    {
        var pages = await server.Grpc.CallAsync<StreamEvalResultsResponse>(WeaveGrpc.Service, "StreamEvalResults", new StreamEvalResultsRequest { Query = WeaveGrpc.Query("""{"evaluation_call_ids": ["nope"], "include_summary": true}""") });

        var page = Assert.Single(pages);
        Assert.Empty(page.Rows);
        Assert.Equal(0, page.Summary.RowCount);
    }

    [Fact]
    public async Task StreamEvalResults_OverRest_NdjsonLinesInTheUnaryShape()
    {
        var unary = await server.PostAsync(WeaveDataSet.Path(), Query);

        var stream = await server.PostAsync(WeaveDataSet.Path("stream"), Query.Replace("{", "{\"page_size\": 3, ", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, stream.Status);
        Assert.Equal("application/x-ndjson", stream.ContentType);
        var lines = stream.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var expected = JsonDocument.Parse(unary.Body).RootElement;
        Assert.Equal([3, 1], lines.Select(l => l.GetProperty("rows").GetArrayLength()));
        Assert.Equal(
            expected.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()),
            lines.SelectMany(l => l.GetProperty("rows").EnumerateArray()).Select(r => r.GetRawText()));
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("summary").ValueKind);
        Assert.Equal(expected.GetProperty("summary").GetRawText(), lines[1].GetProperty("summary").GetRawText());
        Assert.All(lines, l => Assert.Equal(4, l.GetProperty("total_rows").GetInt32()));
    }

    [Fact]
    public async Task StreamEvalResults_NegativePageSizeOverRest_Is422()
    {
        var reply = await server.PostAsync(WeaveDataSet.Path("stream"), """{"page_size": -1}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("""{"detail":[{"type":"greater_than_equal","loc":["body","page_size"],"msg":"Input should be greater than or equal to 0","input":-1,"ctx":{"ge":0}}]}""", reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_PageSize_IsAnUnknownKey()
    {
        var reply = await server.PostAsync(WeaveDataSet.Path(), """{"page_size": 3}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Contains("extra_forbidden", reply.Body, StringComparison.Ordinal);
    }
}
