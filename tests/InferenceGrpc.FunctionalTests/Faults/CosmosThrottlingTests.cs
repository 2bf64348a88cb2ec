using System.Net;
using System.Text;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FunctionalTests.Faults;

/// <summary>
/// Cosmos DB throttling (429, injected by the test server): a short burst is retried with the
/// server's backoff and the call succeeds; throttling that outlasts the retries ends the call
/// with RESOURCE_EXHAUSTED and a RetryInfo (429 over REST).
/// </summary>
public sealed class CosmosThrottlingTests : IAsyncLifetime
{
    private static readonly Method<ListInferencesRequest, ListInferencesResponse> List = new(InferenceQueryServiceReflection.Descriptor.Services[0], "ListInferences");
    private CosmosTestServer _cosmos = null!;
    private InferenceGrpcHost _host = null!;
    private GrpcChannel _grpc = null!;

    public async Task InitializeAsync()
    {
        _cosmos = await CosmosTestServer.StartAsync();
        _host = InferenceGrpcHost.Create(
        [
            "--Server:GrpcPort=0", "--Server:HttpPort=0", "--Logging:LogLevel:Default=Critical",
            $"--Storage:Cosmos:Endpoint={_cosmos.Endpoint}", $"--Storage:Cosmos:Key={CosmosTestServer.Key}",
            "--Storage:Cosmos:GatewayModeOnly=true", "--Storage:Cosmos:Database=throttling", "--Storage:Cosmos:MaxThrottleRetries=3",
        ]);
        await _host.StartAsync();
        _grpc = new GrpcChannel(_host.Endpoints.Grpc!);
        await _grpc.UnaryAsync(List, new ListInferencesRequest());
    }

    [Fact]
    public async Task A_short_burst_of_throttling_is_retried_and_the_call_succeeds()
    {
        await _cosmos.ThrottleAsync(2, TimeSpan.FromMilliseconds(20));

        var reply = await _grpc.UnaryAsync(List, new ListInferencesRequest());

        Assert.Empty(reply.Inferences);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_resource_exhausted_with_retry_info()
    {
        await _cosmos.ThrottleAsync(1000, TimeSpan.FromMilliseconds(250));

        var error = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(List, new ListInferencesRequest()));
        using var http = new HttpClient { BaseAddress = _host.Endpoints.Http };
        using var rest = await http.PostAsync("/v1/inferences/list_inferences", new StringContent("{}", Encoding.UTF8, "application/json"));
        await _cosmos.ThrottleAsync(0, TimeSpan.Zero);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var retry = Assert.IsType<Google.Rpc.RetryInfo>(Assert.Single(error.Status.Details!));
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, rest.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _grpc.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _cosmos.DisposeAsync();
    }
}
