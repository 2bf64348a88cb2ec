using Google.Protobuf;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client.Tests;

/// <summary>gRPC-Web (binary) over our server's HTTP/1.1 port: the status travels in a 0x80 trailer frame.</summary>
public sealed class GrpcWebTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private static readonly CallOptions TenSeconds = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly RecordingHandler _recorder = new(GrpcChannel.CreateHttpHandler());
    private GrpcChannel? _channel;

    private GrpcChannel Channel => _channel ??= new GrpcChannel(server.Endpoints.Http!, new GrpcChannelOptions { UseGrpcWeb = true, HttpHandler = _recorder });

    [Fact]
    public async Task UnaryCallAsync_OverHttp11_ReturnsResponseAndTrailers()
    {
        var headers = new Metadata { { "x-echo-web", "yes" } };

        var result = await Channel.UnaryCallAsync(EchoMethods.Echo, new EchoRequest { Message = "web", Payload = ByteString.CopyFromUtf8("p") }, new CallOptions { Headers = headers, Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal("web", result.Response.Message);
        Assert.Equal("yes", result.Trailers.GetValue("x-trailer-echo-web"));
        var (request, response) = Assert.Single(_recorder.Exchanges);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal("application/grpc-web+proto", request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ServerStreaming_OverHttp11_ReadsAllMessagesThenStatus()
    {
        await using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new ServerStreamRequest { Count = 1000, PayloadSize = 100 }, TenSeconds);

        var count = 0;
        await foreach (var message in call)
        {
            Assert.Equal(count++, message.Index);
        }

        Assert.Equal(1000, count);
        Assert.Equal(StatusCode.OK, call.Status.Code);
    }

    [Fact]
    public async Task UnaryAsync_FailOverHttp11_ThrowsWithMessageAndDetails()
    {
        var request = new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = "nicht möglich", Field = "state" };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(EchoMethods.Fail, request, TenSeconds));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("nicht möglich", ex.Status.Message);
        var badRequest = Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(ex.Status.Details!));
        Assert.Equal("state", Assert.Single(badRequest.FieldViolations).Field);
    }

    [Fact]
    public async Task ClientStreamingAsync_OverHttp11_SendsWholeStreamFirst()
    {
        var response = await Channel.ClientStreamingAsync(EchoMethods.ClientStream, Values(), TenSeconds);

        Assert.Equal(55, response.Sum);
    }

    public void Dispose()
    {
        if (_channel is null)
        {
            _recorder.Dispose();
        }

        _channel?.Dispose();
    }

    private static async IAsyncEnumerable<ClientStreamRequest> Values()
    {
        for (var i = 1; i <= 10; i++)
        {
            await Task.Yield();
            yield return new ClientStreamRequest { Value = i };
        }
    }
}
