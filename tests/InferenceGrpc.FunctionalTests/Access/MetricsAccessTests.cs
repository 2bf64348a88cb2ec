using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>TrueFoundry's metrics query behind API keys: 401 and 403 in its own error body, 200 with a key of the project.</summary>
public sealed class MetricsAccessTests(KeyedServerFixture server) : IClassFixture<KeyedServerFixture>, IDisposable
{
    private const string Query = """{"startTs":"2026-01-01T00:00:00Z","endTs":"2026-01-02T00:00:00Z","datasource":"modelMetrics","type":"distribution"}""";

    private readonly HttpClient _http = new() { BaseAddress = server.Endpoints.Http };

    [Fact]
    public async Task Rest_without_a_key_is_401_in_truefoundrys_error_shape()
    {
        var (status, body) = await PostAsync(Query, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.StartsWith("""{"status":401,"message":"Missing credentials""", body, StringComparison.Ordinal);
        Assert.EndsWith(""","code":"UNAUTHENTICATED"}""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_for_another_project_is_403_and_its_own_project_answers()
    {
        var (denied, deniedBody) = await PostAsync(Query.Replace("{", """{"project":"beta",""", StringComparison.Ordinal), server.AlphaRead);
        var (allowed, allowedBody) = await PostAsync(Query, server.AlphaRead);

        Assert.Equal(HttpStatusCode.Forbidden, denied);
        Assert.Equal("""{"status":403,"message":"The API key is for project 'alpha', not 'beta'.","code":"PERMISSION_DENIED"}""", deniedBody);
        Assert.Equal(HttpStatusCode.OK, allowed);
        Assert.Equal("""{"data":{"dataPoints":[]}}""", allowedBody);
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/svc/v1/llm-gateway/metrics/query") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
