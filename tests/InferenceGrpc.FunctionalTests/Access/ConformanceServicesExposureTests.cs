using InferenceGrpc.Client;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>
/// The wire-protocol test services answer in the development mode (loopback) and are gone on a
/// network address unless turned on by name, because they would stream any amount of data to
/// whoever asks.
/// </summary>
public sealed class ConformanceServicesExposureTests
{
    private static readonly Method<EchoRequest, EchoResponse> Echo = new(EchoServiceReflection.Descriptor.Services[0], "Echo");

    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("0.0.0.0", null, false)]
    [InlineData("0.0.0.0", "true", true)]
    [InlineData("127.0.0.1", "false", false)]
    public async Task Echo_is_served_on_loopback_and_off_elsewhere_unless_enabled(string host, string? enable, bool served)
    {
        List<string> args = [$"--Server:Host={host}", "--Server:GrpcPort=0", "--Server:HttpPort=-1", "--Auth:RequireKeys=false",
            "--Auth:AllowUnauthenticatedNetwork=true", "--Logging:LogLevel:Default=Critical"];
        args.AddRange(enable is null ? [] : [$"--Server:EnableConformanceServices={enable}"]);
        await using var service = InferenceGrpcHost.Create([.. args]);
        await service.StartAsync();
        var port = service.Endpoints.Grpc!.Port;
        using var channel = new GrpcChannel(new Uri($"http://127.0.0.1:{port}"));

        if (served)
        {
            var reply = await channel.UnaryAsync(Echo, new EchoRequest { Message = "hello" });
            Assert.Equal("hello", reply.Message);
        }
        else
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(Echo, new EchoRequest { Message = "hello" }));
            Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        }

        await service.StopAsync();
    }
}
