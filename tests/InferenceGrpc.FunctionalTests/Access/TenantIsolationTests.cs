using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Api.Keys;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;
using static InferenceGrpc.FunctionalTests.Access.KeyedServerFixture;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>
/// Two projects, "acme/alpha" and "acme/beta", each with inferences, a session, a comment, an
/// evaluation run with a trial and an inference evaluation; every record of beta carries the text
/// "BETA-SECRET". With alpha's read key, every REST path of the four APIs (and their streams)
/// answers without a trace of beta, even when asked for beta's ids by name, and naming beta is
/// refused; a page token of beta, or a forged one, opens nothing.
/// </summary>
public sealed class TenantIsolationTests : IAsyncLifetime
{
    private const string Secret = "BETA-SECRET";
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-isolation-").FullName;
    private InferenceGrpcHost _host = null!;
    private HttpClient _http = null!;
    private string _alphaRead = "";
    private string _betaRead = "";
    private string _alphaInferenceId = "";
    private string _betaInferenceId = "";

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(["--Server:GrpcPort=0", "--Server:HttpPort=0", "--Auth:RequireKeys=true", $"--Storage:Sqlite:DataDirectory={_directory}", "--Logging:LogLevel:Default=Critical"]);
        await _host.StartAsync();
        _http = new HttpClient { BaseAddress = _host.Endpoints.Http };
        _alphaRead = await IssueAsync("acme/alpha", AccessRole.Read);
        _betaRead = await IssueAsync("acme/beta", AccessRole.Read);
        using var grpc = new GrpcChannel(_host.Endpoints.Grpc!);
        var alpha = await grpc.UnaryAsync(Write, Records("acme/alpha", "ALPHA-VISIBLE"), WithKey(await IssueAsync("acme/alpha", AccessRole.Write)));
        _alphaInferenceId = alpha.Ids[0];
        var beta = await grpc.UnaryAsync(Write, Records("acme/beta", Secret), WithKey(await IssueAsync("acme/beta", AccessRole.Write)));
        _betaInferenceId = beta.Ids[0];
    }

    public static TheoryData<string, string, string> AlphaReads => new()
    {
        { "POST", "/v1/inferences/list_inferences", "{}" },
        { "POST", "/v1/inferences/stream_inferences", "{}" },
        { "GET", "/inferenceResults", "" },
        { "GET", "/inferenceResults?sessionIds=" + Secret + "-session", "" },
        { "GET", "/inferenceResults?evaluationIds=" + Secret + "-eval", "" },
        { "GET", "/inferenceResults:stream?pageSize=1", "" },
        { "GET", "/v1/evaluation_runs", "" },
        { "POST", "/v2/acme/alpha/eval_results/query", "{\"evaluation_call_ids\": [\"" + Secret + "-run\", \"ALPHA-VISIBLE-run\"], \"include_summary\": true, \"include_raw_data_rows\": true}" },
        { "POST", "/v2/acme/alpha/eval_results/stream", "{\"evaluation_call_ids\": [\"" + Secret + "-run\"], \"include_summary\": true}" },
        { "POST", "/api/svc/v1/llm-gateway/metrics/query", "{\"startTs\": \"2020-01-01T00:00:00Z\", \"endTs\": \"2030-01-01T00:00:00Z\", \"datasource\": \"modelMetrics\", \"type\": \"distribution\", \"groupBy\": [\"modelName\", \"team\"]}" },
    };

    [Theory]
    [MemberData(nameof(AlphaReads))]
    public async Task Alphas_key_never_sees_a_trace_of_beta(string method, string path, string body)
    {
        var (status, text) = await SendAsync(method, path, body, _alphaRead);

        Assert.True(status == HttpStatusCode.OK, $"{status}: {text}");
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/v1/inferences/list_inferences", "{}", "error")]
    [InlineData("GET", "/inferenceResults", "", "error,message")]
    [InlineData("POST", "/v2/acme/alpha/eval_results/query", "{}", "reason")]
    [InlineData("POST", "/api/svc/v1/llm-gateway/metrics/query", "{}", "status,message,code")]
    public async Task Without_a_key_every_api_answers_401_in_its_own_error_shape(string method, string path, string body, string members)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        using var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(members.Split(','), error.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Alphas_own_feedback_shows_without_a_trace_of_beta()
    {
        var (status, text) = await SendAsync("GET", $"/v1/inferences/{_alphaInferenceId}/feedback", "", _alphaRead);

        Assert.True(status == HttpStatusCode.OK, $"{status}: {text}");
        Assert.Contains("ALPHA-VISIBLE comment", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Betas_ids_asked_for_by_name_are_not_found_for_alpha()
    {
        var (tensorZero, tzBody) = await SendAsync("POST", "/v1/inferences/get_inferences", $"{{\"ids\": [\"{_betaInferenceId}\"]}}", _alphaRead);
        var (feedback, feedbackBody) = await SendAsync("GET", $"/v1/inferences/{_betaInferenceId}/feedback", "", _alphaRead);
        var (galtea, _) = await SendAsync("GET", "/inferenceResults?ids=" + Secret + "-ir", "", _alphaRead);
        var (function, _) = await SendAsync("POST", "/v1/inferences/list_inferences", "{\"function_name\": \"" + Secret + "_fn\"}", _alphaRead);

        Assert.Equal(HttpStatusCode.OK, tensorZero);
        Assert.Equal("{\"inferences\":[]}", tzBody);
        Assert.Equal(HttpStatusCode.NotFound, galtea);
        Assert.Equal(HttpStatusCode.NotFound, function);
        Assert.Equal(HttpStatusCode.NotFound, feedback);
        Assert.DoesNotContain(Secret, feedbackBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/v1/inferences/list_inferences", "{\"project\": \"acme/beta\"}")]
    [InlineData("GET", "/v1/inferences/00000000-0000-7000-8000-000000000000/feedback?project=acme/beta", "")]
    [InlineData("GET", "/v1/evaluation_runs?project=acme/beta", "")]
    [InlineData("POST", "/v2/acme/beta/eval_results/query", "{\"evaluation_call_ids\": [\"BETA-SECRET-run\"]}")]
    public async Task Naming_beta_with_alphas_key_is_forbidden(string method, string path, string body)
    {
        var (status, text) = await SendAsync(method, path, body, _alphaRead);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("\"id\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_token_of_beta_or_a_forged_one_opens_nothing()
    {
        var (_, betaPage) = await SendAsync("POST", "/v1/inferences/list_inferences", "{\"limit\": 1, \"page_token\": \"\"}", _betaRead);
        var token = System.Text.Json.JsonDocument.Parse(betaPage).RootElement.GetProperty("next_page_token").GetString()!;
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var (replayed, replayBody) = await SendAsync("POST", "/v1/inferences/list_inferences", $"{{\"limit\": 1, \"page_token\": \"{token}\"}}", _alphaRead);
        var (tampered, tamperBody) = await SendAsync("POST", "/v1/inferences/list_inferences", $"{{\"limit\": 1, \"page_token\": \"{forged}\"}}", _betaRead);

        Assert.Equal(HttpStatusCode.BadRequest, replayed);
        Assert.Equal(HttpStatusCode.BadRequest, tampered);
        Assert.DoesNotContain(Secret, replayBody + tamperBody, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string method, string path, string body, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> IssueAsync(string project, AccessRole role) =>
        (await _host.Services.GetRequiredService<ApiKeyIssuer>().IssueAsync(TenantId.Parse(project), role, "isolation", CancellationToken.None)).Secret;

    // Two inferences (the first with an external id, a session, a model, teams and a comment), an
    // evaluation run with a scored trial, and an inference evaluation, all marked.
    private static WriteRecordsRequest Records(string project, string marker)
    {
        var now = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var first = new Inference
        {
            Id = Storage.Uuid7.Format(Storage.Uuid7.New()), FunctionName = marker + "_fn", VariantName = marker + "_v", ExternalId = marker + "-ir",
            SessionId = marker + "-session", TurnIndex = 0, ModelName = marker + "-model", LatencyMs = 120, CostUsd = 0.01, Teams = { marker + "-team" },
            Tags = { ["owner"] = marker }, Input = Value.ForString(marker + " prompt"), Output = Value.ForString(marker + " answer"),
        };
        var second = first.Clone();
        second.Id = Storage.Uuid7.Format(Storage.Uuid7.New());
        second.ExternalId = marker + "-ir2";
        return new WriteRecordsRequest
        {
            Project = project,
            Records =
            {
                new Contracts.V1.Record { Inference = first },
                new Contracts.V1.Record { Inference = second },
                new Contracts.V1.Record { EvaluationRun = new EvaluationRun { Id = marker + "-run", DisplayName = marker, StartTime = now } },
                new Contracts.V1.Record
                {
                    EvaluationTrial = new EvaluationTrial
                    {
                        Id = marker + "-trial", EvaluationRunId = marker + "-run", Example = Value.ForString(marker + " example"),
                        ModelOutput = Value.ForString(marker + " output"), Scores = { ["correct"] = Value.ForBool(true) }, StartTime = now,
                    },
                },
                new Contracts.V1.Record { InferenceEvaluation = new InferenceEvaluation { Id = marker + "-eval", InferenceId = first.Id, MetricId = marker + "-metric", Score = 1, CreateTime = now } },
                new Contracts.V1.Record { Feedback = new Feedback { TargetId = first.Id, Comment = marker + " comment" } },
            },
        };
    }
}
