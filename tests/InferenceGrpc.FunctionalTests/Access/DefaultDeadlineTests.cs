using InferenceGrpc.Client;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>A call that sends no deadline still ends: the server's default deadline applies.</summary>
public sealed class DefaultDeadlineTests : IAsyncLifetime
{
    private static readonly Method<SlowRequest, SlowResponse> Slow = new(EchoServiceReflection.Descriptor.Services[0], "Slow");
    private InferenceGrpcHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(["--Server:GrpcPort=0", "--Server:HttpPort=0", "--Grpc:DefaultDeadline=00:00:00.200", "--Logging:LogLevel:Default=Warning"]);
        await _host.StartAsync();
    }

    [Fact]
    public async Task A_unary_call_without_a_deadline_ends_with_deadline_exceeded_at_the_default()
    {
        using var channel = new GrpcChannel(_host.Endpoints.Grpc!);

        // Five minutes of work against a 200 ms default: only the default can end it.
        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Slow, new SlowRequest { DelayMs = 300_000 }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
