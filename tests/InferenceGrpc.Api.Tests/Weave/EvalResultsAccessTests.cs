using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InferenceGrpc.Storage.Keys;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// API keys on Weave's {entity}/{project} path: the path names the project the key must be for;
/// UNAUTHENTICATED is 401 and PERMISSION_DENIED 403, both in Weave's {"reason": ...} body.
/// </summary>
public sealed class EvalResultsAccessTests(WeaveKeyedServer server) : IClassFixture<WeaveKeyedServer>
{
    private const string Body = """{"evaluation_call_ids": ["eval-a"], "include_summary": true}""";

    [Fact]
    public async Task QueryEvalResults_WithoutAKey_Is401WithReason()
    {
        var reply = await server.PostAsync(WeaveDataSet.Path(), Body);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"reason":"Missing credentials: send 'Authorization: Bearer <API key>' (or Basic credentials with the key as the password)."}""", reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_WithAKeyForAnotherProject_Is403WithReason()
    {
        var key = await server.IssueKeyAsync("acme/other", AccessRole.Read);

        var (status, body) = await PostWithKeyAsync(WeaveDataSet.Path(), key);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("""{"reason":"The API key is for project 'acme/other', not 'acme/evals'."}""", body);
    }

    [Fact]
    public async Task StreamEvalResults_WithAKeyForAnotherProject_Is403WithReason()
    {
        var key = await server.IssueKeyAsync("acme/other", AccessRole.Admin);

        var (status, body) = await PostWithKeyAsync(WeaveDataSet.Path("stream"), key);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("""{"reason":"The API key is for project 'acme/other', not 'acme/evals'."}""", body);
    }

    [Fact]
    public async Task QueryEvalResults_WithAReadKeyForThePathsProject_IsServed()
    {
        var key = await server.IssueKeyAsync(WeaveDataSet.Entity + "/" + WeaveDataSet.Project, AccessRole.Read);

        var (status, body) = await PostWithKeyAsync(WeaveDataSet.Path(), key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"rows":[],"total_rows":0,"summary":{"row_count":0,"evaluations":[]},"warnings":[]}""", body);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostWithKeyAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await server.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
