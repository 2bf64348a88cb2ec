using InferenceGrpc.Client;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;

namespace InferenceGrpc.FunctionalTests.Faults;

/// <summary>Shutting down ends an open stream with a clean, retryable status instead of a reset.</summary>
public sealed class GracefulShutdownTests
{
    private static readonly Method<ServerStreamRequest, ServerStreamResponse> ServerStream = new(EchoServiceReflection.Descriptor.Services[0], "ServerStream");

    [Fact]
    public async Task An_open_stream_ends_with_unavailable_when_the_server_shuts_down()
    {
        await using var host = InferenceGrpcHost.Create(["--Server:GrpcPort=0", "--Server:HttpPort=0", "--Logging:LogLevel:Default=Critical"]);
        await host.StartAsync();
        using var channel = new GrpcChannel(host.Endpoints.Grpc!);

        // Ten million 1 KiB messages: the stream is still running whenever shutdown comes.
        await using var call = channel.ServerStreaming(ServerStream, new ServerStreamRequest { Count = 10_000_000, PayloadSize = 1024 });
        await using var messages = call.GetAsyncEnumerator();
        Assert.True(await messages.MoveNextAsync());
        var stopping = host.StopAsync();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await messages.MoveNextAsync())
            {
            }
        });
        await stopping;

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("The server is shutting down; retry, or resume the stream from its last page token.", error.Status.Message);
    }
}
