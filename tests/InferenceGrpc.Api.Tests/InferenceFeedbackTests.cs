using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests;

/// <summary>
/// GetInferenceFeedback over REST (GET /v1/inferences/{id}/feedback), gRPC and gRPC-Web: one
/// inference's feedback newest first, its episode's apart, the limit, and the errors.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class InferenceFeedbackTests(ApiServer server)
{
    [Fact]
    public async Task GetFeedback_InferenceWithEveryKind_NewestFirstWithItsEpisodeApart()
    {
        var response = await server.GetMessageAsync<GetInferenceFeedbackResponse>($"/v1/inferences/{H1}/feedback");

        Assert.Equal([Id(110, 1), Id(107, 1), Id(106, 1), Id(103, 1), Id(101, 1), Id(100, 1)], response.InferenceFeedback.Select(f => f.Id));
        Assert.Equal("Too many syllables", response.InferenceFeedback[0].Comment);
        Assert.Equal(Json("""[{"type":"text","text":"A better haiku"}]"""), response.InferenceFeedback[1].Demonstration);
        Assert.True(response.InferenceFeedback[3].BooleanValue);
        Assert.Equal(("quality", 0.9), (response.InferenceFeedback[4].MetricName, response.InferenceFeedback[4].FloatValue));
        Assert.Equal(Start.AddSeconds(101), response.InferenceFeedback[4].CreateTime.ToDateTimeOffset());
        Assert.Equal(E1, response.EpisodeId);
        var episode = Assert.Single(response.EpisodeFeedback);
        Assert.Equal(("episode_score", 0.75, FeedbackLevel.Episode), (episode.MetricName, episode.FloatValue, episode.Level));
    }

    [Fact]
    public async Task GetFeedback_Limit_CutsEachListToTheNewest()
    {
        var response = await server.GetMessageAsync<GetInferenceFeedbackResponse>($"/v1/inferences/{H1}/feedback?limit=2");

        Assert.Equal([Id(110, 1), Id(107, 1)], response.InferenceFeedback.Select(f => f.Id));
        Assert.Single(response.EpisodeFeedback);
    }

    [Fact]
    public async Task GetFeedback_NoFeedbackNoEpisode_AnswersEmptyLists()
    {
        var response = await server.GetMessageAsync<GetInferenceFeedbackResponse>($"/v1/inferences/{H3}/feedback");

        Assert.Equal(new GetInferenceFeedbackResponse(), response);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetFeedback_OverGrpcAndGrpcWeb_SameAsRest(bool web)
    {
        var rest = await server.GetMessageAsync<GetInferenceFeedbackResponse>($"/v1/inferences/{H2}/feedback");
        var caller = web ? server.GrpcWeb : server.Grpc;

        var replies = await caller.CallAsync<GetInferenceFeedbackResponse>("GetInferenceFeedback", new GetInferenceFeedbackRequest { InferenceId = H2 });

        Assert.Equal(2, rest.InferenceFeedback.Count);
        Assert.Equal(rest, Assert.Single(replies));
    }

    [Fact]
    public async Task GetFeedback_UnknownInference_NotFound()
    {
        var unknown = Id(999);

        var reply = await server.GetPathAsync($"/v1/inferences/{unknown}/feedback");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Grpc.CallAsync<GetInferenceFeedbackResponse>("GetInferenceFeedback", new GetInferenceFeedbackRequest { InferenceId = unknown }));

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Contains($"Unknown inference: {unknown}", reply.Body, StringComparison.Ordinal);
        Assert.Contains("grpc-status 5,", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-uuid", "", "inference_id")]
    [InlineData(null, "?limit=1001", "limit")]
    public async Task GetFeedback_BadRequest_InvalidArgumentNamingTheField(string? id, string query, string field)
    {
        var reply = await server.GetPathAsync($"/v1/inferences/{id ?? H1}/feedback{query}");
        var request = new GetInferenceFeedbackRequest { InferenceId = id ?? H1 };
        if (query.Length > 0)
        {
            request.Limit = 1001;
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Grpc.CallAsync<GetInferenceFeedbackResponse>("GetInferenceFeedback", request));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains($"\"field\":\"{field}\"", reply.Body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("grpc-status 3,", error.Message, StringComparison.Ordinal);
    }
}
