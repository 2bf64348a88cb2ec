using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// ListEvaluationRuns over REST (GET /v1/evaluation_runs) and gRPC: the project's runs newest
/// first, paged by a token, the same over every front-end; bad pages are INVALID_ARGUMENT.
/// </summary>
[Collection(SqliteWeaveServers.Name)]
public sealed class ListEvaluationRunsTests(WeaveServer server)
{
    private const string Path = "/v1/evaluation_runs?project=" + WeaveDataSet.Entity + "/" + WeaveDataSet.Project;

    [Fact]
    public async Task ListRuns_Project_NewestStartFirstInOnePage()
    {
        var reply = await server.GetMessageAsync<ListEvaluationRunsResponse>(Path);

        Assert.Equal(["eval-a", "eval-b"], reply.Runs.Select(r => r.Id));
        Assert.Equal("gpt run", reply.Runs[0].DisplayName);
        Assert.Empty(reply.NextPageToken);
    }

    [Fact]
    public async Task ListRuns_PageSizeOne_TheTokenContinuesWhereThePageEnded()
    {
        var first = await server.GetMessageAsync<ListEvaluationRunsResponse>(Path + "&page_size=1");
        var second = await server.GetMessageAsync<ListEvaluationRunsResponse>(Path + "&page_size=1&page_token=" + first.NextPageToken);

        Assert.Equal(["eval-a"], first.Runs.Select(r => r.Id));
        Assert.NotEmpty(first.NextPageToken);
        Assert.Equal(["eval-b"], second.Runs.Select(r => r.Id));
        Assert.Empty(second.NextPageToken);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ListRuns_OverGrpcAndGrpcWeb_SameAsRest(bool web)
    {
        var rest = await server.GetMessageAsync<ListEvaluationRunsResponse>(Path + "&page_size=1");
        var caller = web ? server.GrpcWeb : server.Grpc;

        var replies = await caller.CallAsync<ListEvaluationRunsResponse>(WeaveGrpc.Service, "ListEvaluationRuns", new ListEvaluationRunsRequest { Project = WeaveDataSet.Entity + "/" + WeaveDataSet.Project, PageSize = 1 });

        Assert.Equal(rest, Assert.Single(replies));
    }

    [Fact]
    public async Task ListRuns_ProjectWithoutRuns_AnswersAnEmptyList()
    {
        Assert.Equal(new ListEvaluationRunsResponse(), await server.GetMessageAsync<ListEvaluationRunsResponse>("/v1/evaluation_runs?project=acme/empty"));
    }

    [Theory]
    [InlineData("&page_token=not*base64", "page_token")]
    [InlineData("&page_token=AAAA", "page_token")]
    [InlineData("&page_size=1001", "page_size")]
    public async Task ListRuns_BadPage_Returns400NamingTheField(string query, string field)
    {
        var reply = await server.GetPathAsync(Path + query);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains($"\"field\":\"{field}\"", reply.Body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
