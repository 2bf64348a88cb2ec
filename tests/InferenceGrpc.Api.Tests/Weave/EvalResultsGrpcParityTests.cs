using System.Text;
using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Api.Weave;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// Every golden query over gRPC and over gRPC-Web returns the same result as over REST: the
/// reply message, written in Weave's JSON, is the golden reply exactly, so the REST shape only
/// translates and never decides.
/// </summary>
[Collection(SqliteWeaveServers.Name)]
public sealed class EvalResultsGrpcParityTests(WeaveServer server)
{
    public static TheoryData<string> Queries => WeaveGolden.Queries();

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task QueryEvalResults_GoldenQueryOverGrpc_HoldsTheGoldenReply(string query) =>
        await AssertGoldenAsync(server.Grpc, query);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task QueryEvalResults_GoldenQueryOverGrpcWeb_HoldsTheGoldenReply(string query) =>
        await AssertGoldenAsync(server.GrpcWeb, query);

    private static async Task AssertGoldenAsync(GrpcCaller caller, string query)
    {
        var request = new QueryEvalResultsRequest { Query = WeaveGrpc.Query(query) };

        var reply = (await caller.CallAsync<QueryEvalResultsResponse>(WeaveGrpc.Service, "QueryEvalResults", request)).Single();

        var written = WeaveResponseWriter.Write(reply.Rows, reply.TotalRows, reply.Summary, reply.Warnings, request.Query.IncludeCosts);
        Assert.Equal(WeaveGolden.Reply(query), Encoding.UTF8.GetString(written.Span));
    }
}
