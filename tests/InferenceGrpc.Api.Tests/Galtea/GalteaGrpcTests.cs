using System.Net;
using Google.Protobuf;
using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.Api.Tests.Galtea.GalteaGolden;

namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>
/// InferenceResultService over gRPC and gRPC-Web answers the REST queries with the same results
/// in the same order and the same errors as gRPC statuses; the stream pages every result.
/// </summary>
public sealed class GalteaGrpcTests(GalteaSqliteServer server) : IClassFixture<GalteaSqliteServer>
{
    private const string Service = "inference.v1.InferenceResultService";

    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListInferenceResults_SameQueryAsRest_SameResultsInTheSameOrder(bool web)
    {
        var request = new ListInferenceResultsRequest { SessionIds = { "s1", "s2" }, Sort = { "createdAt", "desc", "index", "desc" }, Limit = 3, Offset = 1 };

        var replies = await Caller(web).CallAsync<ListInferenceResultsResponse>(Service, "ListInferenceResults", request);
        var rest = await server.GetPathAsync("/inferenceResults?sessionIds=s1,s2&sort=createdAt&sort=desc&sort=index&sort=desc&limit=3&offset=1");

        Assert.Equal(["ir_003", "ir_002", "ir_001"], Assert.Single(replies).InferenceResults.Select(r => r.ExternalId));
        Assert.Equal(Array(R3, R2, R1), rest.Body);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListInferenceResults_WholeRecords_CarryOurIdAndEveryStoredField(bool web)
    {
        var request = new ListInferenceResultsRequest { Ids = { "ir_001" } };

        var result = Assert.Single(Assert.Single(await Caller(web).CallAsync<ListInferenceResultsResponse>(Service, "ListInferenceResults", request)).InferenceResults);

        var expected = GalteaDataSet.Records().First().Inference;
        Assert.Equal(expected.Id, result.Id);
        Assert.Equal(expected.CostPerInputToken, result.CostPerInputToken);
        Assert.Equal(InferenceStatus.Success, result.Status);
    }

    [Theory]
    [InlineData(false, "limit=-1", 3, "limit must be a non-negative integer, got -1")]
    [InlineData(true, "sort=createdAt", 3, "'createdAt' has no direction")]
    [InlineData(false, "ids=ir_001,ir_999", 5, "InferenceResults not found: ir_999")]
    [InlineData(true, "ids=ir_005", 5, "InferenceResults not found: ir_005")]
    public async Task ListInferenceResults_BadQuery_SameErrorAsGrpcStatus(bool web, string query, int code, string message)
    {
        var request = Request(query);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Caller(web).CallAsync<ListInferenceResultsResponse>(Service, "ListInferenceResults", request));

        Assert.Contains($"grpc-status {code},", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task StreamInferenceResults_PageSizeTwo_EveryResultInPagesInOrder(bool web)
    {
        var request = new StreamInferenceResultsRequest { PageSize = 2 };

        var pages = await Caller(web).CallAsync<StreamInferenceResultsResponse>(Service, "StreamInferenceResults", request);

        Assert.Equal([2, 2, 1], pages.Select(p => p.InferenceResults.Count));
        Assert.Equal(["ir_001", "ir_002", "ir_003", "ir_004", ""], pages.SelectMany(p => p.InferenceResults).Select(r => r.ExternalId));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("createdAt,desc", 0)]
    [InlineData("createdAt,asc", 2)]
    [InlineData("-createdAt,index:desc", 1)]
    [InlineData("index,desc", 1)]
    public async Task StreamInferenceResults_PageSizeOne_SameResultsAsOneList(string sort, int offset)
    {
        var query = new ListInferenceResultsRequest { Sort = { sort.Split(',', StringSplitOptions.RemoveEmptyEntries) }, Offset = offset };

        var list = await server.Grpc.CallAsync<ListInferenceResultsResponse>(Service, "ListInferenceResults", query);
        var pages = await server.Grpc.CallAsync<StreamInferenceResultsResponse>(Service, "StreamInferenceResults", new StreamInferenceResultsRequest { Query = query, PageSize = 1 });

        Assert.All(pages, p => Assert.Single(p.InferenceResults));
        Assert.Equal(Assert.Single(list).InferenceResults.Select(r => r.Id), pages.SelectMany(p => p.InferenceResults).Select(r => r.Id));
    }

    [Fact]
    public async Task StreamInferenceResults_OffsetAndLimit_CapTheWholeStream()
    {
        var request = new StreamInferenceResultsRequest { Query = new ListInferenceResultsRequest { Offset = 1, Limit = 3 }, PageSize = 2 };

        var pages = await server.Grpc.CallAsync<StreamInferenceResultsResponse>(Service, "StreamInferenceResults", request);

        Assert.Equal([["ir_002", "ir_003"], ["ir_004"]], pages.Select(p => p.InferenceResults.Select(r => r.ExternalId).ToArray()));
    }

    [Fact]
    public async Task StreamInferenceResults_StrictIds_CheckedBeforeTheFirstPage()
    {
        var found = new StreamInferenceResultsRequest { Query = new ListInferenceResultsRequest { Ids = { "ir_004", "ir_001", "ir_002" } }, PageSize = 2 };
        var missing = new StreamInferenceResultsRequest { Query = new ListInferenceResultsRequest { Ids = { "ir_001", "ir_404" } } };

        var pages = await server.Grpc.CallAsync<StreamInferenceResultsResponse>(Service, "StreamInferenceResults", found);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Grpc.CallAsync<StreamInferenceResultsResponse>(Service, "StreamInferenceResults", missing));

        Assert.Equal([["ir_001", "ir_002"], ["ir_004"]], pages.Select(p => p.InferenceResults.Select(r => r.ExternalId).ToArray()));
        Assert.Contains("grpc-status 5,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamInferenceResults_OverRest_OneBareArrayPerNdjsonLine()
    {
        var reply = await server.GetPathAsync("/inferenceResults:stream?query.sessionIds=s1,s2&query.sort=-createdAt&pageSize=3");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/x-ndjson", reply.ContentType);
        Assert.Equal(Array(R3, R4, R2) + "\n" + Array(R1) + "\n", reply.Body);
    }

    [Theory]
    [InlineData("query.ids=ir_404", HttpStatusCode.NotFound, "Not Found", "InferenceResults not found: ir_404")]
    [InlineData("pageSize=1001", HttpStatusCode.BadRequest, "Bad Request", "page_size must be at most 1000, got 1001")]
    public async Task StreamInferenceResults_OverRestBadQuery_GalteaErrorBody(string query, HttpStatusCode status, string error, string message)
    {
        var reply = await server.GetPathAsync("/inferenceResults:stream?" + query);

        Assert.Equal(status, reply.Status);
        Assert.Equal(Error(error, message), reply.Body);
    }

    private static ListInferenceResultsRequest Request(string query)
    {
        var request = new ListInferenceResultsRequest();
        foreach (var pair in query.Split('&').Select(p => p.Split('=', 2)))
        {
            var field = ListInferenceResultsRequest.Descriptor.FindFieldByName(pair[0]);
            if (field.IsRepeated)
            {
                ((Google.Protobuf.Collections.RepeatedField<string>)field.Accessor.GetValue(request)).AddRange(pair[1].Split(','));
            }
            else
            {
                field.Accessor.SetValue(request, long.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return request;
    }

    private GrpcCaller Caller(bool web) => web ? server.GrpcWeb : server.Grpc;
}
