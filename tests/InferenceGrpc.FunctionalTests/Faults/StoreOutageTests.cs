using System.Net;
using System.Text;
using Grpc.Health.V1;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;
using InferenceGrpc.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace InferenceGrpc.FunctionalTests.Faults;

/// <summary>
/// The store stops answering (the Cosmos DB server is frozen with SIGSTOP: connections stay
/// open and nothing comes back, keeping its data) and comes back (SIGCONT): health goes
/// NOT_SERVING and calls fail fast with UNAVAILABLE / 503, then everything recovers by itself.
/// </summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private static readonly Method<ListInferencesRequest, ListInferencesResponse> List = new(InferenceQueryServiceReflection.Descriptor.Services[0], "ListInferences");
    private static readonly Method<WriteRecordsRequest, WriteRecordsResponse> Write = new(IngestionServiceReflection.Descriptor.Services[0], "WriteRecords");
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch = new(HealthReflection.Descriptor.Services[0], "Watch");
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
            "--Storage:Cosmos:GatewayModeOnly=true", "--Storage:Cosmos:Database=outage",
            "--Storage:Health:Interval=00:00:00.200", "--Storage:Health:Timeout=00:00:01",
        ]);
        await _host.StartAsync();
        _grpc = new GrpcChannel(_host.Endpoints.Grpc!);
    }

    [Fact]
    public async Task A_hung_store_makes_the_service_unavailable_and_it_recovers_when_the_store_does()
    {
        await _grpc.UnaryAsync(Write, new WriteRecordsRequest { Project = "default", Records = { new Contracts.V1.Record { Inference = new Inference { FunctionName = "f" } } } });

        // A safety net against a hang, not a timing assertion: every step waits for a condition.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var watch = _grpc.ServerStreaming(Watch, new HealthCheckRequest(), new CallOptions { CancellationToken = patience.Token });
        await using var statuses = watch.GetAsyncEnumerator(patience.Token);
        await WaitForAsync(statuses, ServingStatus.Serving);

        await _cosmos.FreezeAsync();
        await WaitForAsync(statuses, ServingStatus.NotServing);
        var grpc = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(List, new ListInferencesRequest()));
        using var http = new HttpClient { BaseAddress = _host.Endpoints.Http };
        using var rest = await http.PostAsync("/v1/inferences/list_inferences", new StringContent("{}", Encoding.UTF8, "application/json"));

        await _cosmos.ThawAsync();
        await WaitForAsync(statuses, ServingStatus.Serving);
        var after = await _grpc.UnaryAsync(List, new ListInferencesRequest());

        Assert.Equal(StatusCode.Unavailable, grpc.StatusCode);
        Assert.Equal("The store failed its last health check; retry shortly.", grpc.Status.Message);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, rest.StatusCode);
        Assert.Equal("f", Assert.Single(after.Inferences).Inference.FunctionName);
    }

    public async Task DisposeAsync()
    {
        _grpc.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _cosmos.ThawAsync();
        await _cosmos.DisposeAsync();
    }

    private static async Task WaitForAsync(IAsyncEnumerator<HealthCheckResponse> statuses, ServingStatus wanted)
    {
        while (await statuses.MoveNextAsync())
        {
            if (statuses.Current.Status == wanted)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The health stream ended before reporting {wanted}.");
    }
}
