using System.Net;
using System.Text;
using System.Text.Json;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Storage.Keys;
using static InferenceGrpc.FunctionalTests.Access.KeyedServerFixture;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>
/// API keys on every front-end: who gets in (UNAUTHENTICATED / 401), which project and role a
/// key opens (PERMISSION_DENIED / 403), and that nothing of one project shows to another's key.
/// </summary>
public sealed class ApiKeyAccessTests(KeyedServerFixture server) : IClassFixture<KeyedServerFixture>, IDisposable
{
    private readonly GrpcChannel _grpc = new(server.Endpoints.Grpc!);
    private readonly GrpcChannel _grpcWeb = new(server.Endpoints.Http!, new GrpcChannelOptions { UseGrpcWeb = true });
    private readonly HttpClient _http = new() { BaseAddress = server.Endpoints.Http };

    [Theory]
    [InlineData(false, null, "Missing credentials")]
    [InlineData(false, "Bearer igk_made_up", "Invalid API key")]
    [InlineData(true, "Bearer igk_made_up", "Invalid API key")]
    [InlineData(false, "Token abc", "Unsupported authorization scheme 'Token'")]
    [InlineData(false, "Bearer ", "carry no API key")]
    public async Task Grpc_and_grpc_web_without_a_valid_key_are_unauthenticated(bool web, string? authorization, string message)
    {
        var options = authorization is null ? default : new CallOptions { Headers = new Metadata { { "authorization", authorization } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => (web ? _grpcWeb : _grpc).UnaryAsync(List, new ListInferencesRequest(), options));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains(message, error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_without_a_key_is_401_in_the_apis_error_shape()
    {
        using var response = await _http.PostAsync("/v1/inferences/list_inferences", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Missing credentials", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_checks_need_no_key()
    {
        var health = new Method<Grpc.Health.V1.HealthCheckRequest, Grpc.Health.V1.HealthCheckResponse>(Grpc.Health.V1.HealthReflection.Descriptor.Services[0], "Check");

        var reply = await _grpc.UnaryAsync(health, new Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alpha")]
    public async Task A_read_key_sees_its_own_project_and_nothing_else(string project)
    {
        var reply = await _grpc.UnaryAsync(List, new ListInferencesRequest { Project = project }, WithKey(server.AlphaRead));

        Assert.Equal(3, reply.Inferences.Count);
        Assert.All(reply.Inferences, i => Assert.Equal("alpha_function", i.Inference.FunctionName));
    }

    [Fact]
    public async Task A_key_for_another_project_is_permission_denied_on_every_front_end()
    {
        var grpc = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(List, new ListInferencesRequest { Project = "beta" }, WithKey(server.AlphaRead)));
        var web = await Assert.ThrowsAsync<RpcException>(() => _grpcWeb.UnaryAsync(List, new ListInferencesRequest { Project = "beta" }, WithKey(server.AlphaRead)));
        using var rest = new HttpRequestMessage(HttpMethod.Post, "/v1/inferences/list_inferences") { Content = new StringContent("{\"project\": \"beta\"}", Encoding.UTF8, "application/json") };
        rest.Headers.Authorization = new("Bearer", server.AlphaRead);
        using var response = await _http.SendAsync(rest);

        Assert.Equal(StatusCode.PermissionDenied, grpc.StatusCode);
        Assert.Equal("The API key is for project 'alpha', not 'beta'.", grpc.Status.Message);
        Assert.Equal(StatusCode.PermissionDenied, web.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_page_token_from_another_project_does_not_open_it()
    {
        var betaRead = await server.IssueAsync("beta", AccessRole.Read);
        var betaPage = await _grpc.UnaryAsync(List, new ListInferencesRequest { Limit = 1 }, WithKey(betaRead));

        var replay = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(List, new ListInferencesRequest { Limit = 1, PageToken = betaPage.NextPageToken }, WithKey(server.AlphaRead)));

        Assert.NotEmpty(betaPage.NextPageToken);
        Assert.Equal(StatusCode.InvalidArgument, replay.StatusCode);
    }

    [Fact]
    public async Task A_read_key_cannot_write_and_a_write_key_can()
    {
        var request = new WriteRecordsRequest { Records = { new Contracts.V1.Record { Inference = new Inference { FunctionName = "f" } } } };

        var denied = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(Write, request, WithKey(server.AlphaRead)));
        var stored = await _grpc.UnaryAsync(Write, new WriteRecordsRequest { Project = "scratch" }, WithKey(await server.IssueAsync("scratch", AccessRole.Write)));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("needs write", denied.Status.Message, StringComparison.Ordinal);
        Assert.NotNull(stored.Counts);
    }

    [Fact]
    public async Task Basic_credentials_with_the_key_as_password_work_as_weave_clients_send_them()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + server.AlphaRead));
        var options = new CallOptions { Headers = new Metadata { { "authorization", "Basic " + basic } } };

        var reply = await _grpc.UnaryAsync(List, new ListInferencesRequest(), options);

        Assert.Equal(3, reply.Inferences.Count);
    }

    public void Dispose()
    {
        _grpc.Dispose();
        _grpcWeb.Dispose();
        _http.Dispose();
    }
}
