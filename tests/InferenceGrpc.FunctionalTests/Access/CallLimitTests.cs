using System.Net;
using System.Text;
using System.Threading.Channels;
using InferenceGrpc.Api.Keys;
using InferenceGrpc.Client;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;
using static InferenceGrpc.FunctionalTests.Access.KeyedServerFixture;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>
/// Per-caller limits: a budget of three calls per hour (so no refill can happen during a test)
/// and one open stream per caller, counted per API key.
/// </summary>
public sealed class CallLimitTests : IAsyncLifetime
{
    private static readonly Method<StreamRecordsRequest, StreamRecordsResponse> StreamRecords = new(IngestionServiceReflection.Descriptor.Services[0], "StreamRecords");
    private static readonly Method<BidiEchoRequest, BidiEchoResponse> BidiEcho = new(EchoServiceReflection.Descriptor.Services[0], "BidiEcho");
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-limits-").FullName;
    private InferenceGrpcHost _host = null!;
    private GrpcChannel _grpc = null!;

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(
        [
            "--Server:GrpcPort=0", "--Server:HttpPort=0", $"--Storage:Sqlite:DataDirectory={_directory}", "--Logging:LogLevel:Default=Warning",
            "--Limits:RequestsPerPeriod=3", "--Limits:BurstRequests=3", "--Limits:RatePeriod=01:00:00", "--Limits:ConcurrentStreamsPerCaller=1",
        ]);
        await _host.StartAsync();
        _grpc = new GrpcChannel(_host.Endpoints.Grpc!);
    }

    [Fact]
    public async Task A_caller_over_its_budget_gets_resource_exhausted_with_a_retry_delay_and_others_go_on()
    {
        var key = await IssueAsync("default");
        for (var i = 0; i < 3; i++)
        {
            await _grpc.UnaryAsync(List, new ListInferencesRequest(), WithKey(key));
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(List, new ListInferencesRequest(), WithKey(key)));
        var other = await _grpc.UnaryAsync(List, new ListInferencesRequest(), WithKey(await IssueAsync("default")));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("Too many calls from this caller: at most 3 per 01:00:00", refused.Status.Message, StringComparison.Ordinal);
        Assert.True(Assert.IsType<Google.Rpc.RetryInfo>(Assert.Single(refused.Status.Details!)).RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.NotNull(other);
    }

    [Fact]
    public async Task Rest_over_budget_is_429()
    {
        using var http = new HttpClient { BaseAddress = _host.Endpoints.Http };
        HttpStatusCode last = default;
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync("/v1/inferences/list_inferences", new StringContent("{}", Encoding.UTF8, "application/json"));
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task A_second_open_stream_of_the_same_caller_is_refused()
    {
        var key = await IssueAsync("default");
        var requests = Channel.CreateUnbounded<BidiEchoRequest>();
        await using var first = _grpc.DuplexStreaming(BidiEcho, requests.Reader.ReadAllAsync(), WithKey(key));
        await using var replies = first.GetAsyncEnumerator();

        // An answer proves the first stream is open on the server and holds the caller's slot.
        await requests.Writer.WriteAsync(new BidiEchoRequest { Message = "hold" });
        Assert.True(await replies.MoveNextAsync());
        var second = await Assert.ThrowsAsync<RpcException>(() => _grpc.ClientStreamingAsync(StreamRecords, Empty(), WithKey(key)));
        requests.Writer.Complete();
        Assert.False(await replies.MoveNextAsync());

        Assert.Equal(StatusCode.ResourceExhausted, second.StatusCode);
        Assert.Contains("Too many open streams for this caller: at most 1", second.Status.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.OK, first.Status.Code);
    }

    public async Task DisposeAsync()
    {
        _grpc.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string> IssueAsync(string project) =>
        (await _host.Services.GetRequiredService<ApiKeyIssuer>().IssueAsync(TenantId.Parse(project), AccessRole.Write, "limits", CancellationToken.None)).Secret;

    private static async IAsyncEnumerable<StreamRecordsRequest> Empty()
    {
        await Task.CompletedTask;
        yield break;
    }
}
