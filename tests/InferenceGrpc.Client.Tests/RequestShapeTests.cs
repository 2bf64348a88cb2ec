using System.Net;
using System.Net.Sockets;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client.Tests;

/// <summary>What the client puts on the wire, and what it refuses to send.</summary>
public sealed class RequestShapeTests
{
    private static HttpResponseMessage Ok(HttpRequestMessage _) =>
        StubHandler.Grpc([StubHandler.Frame(new EchoResponse())], ("grpc-status", "0"));

    [Fact]
    public async Task UnaryAsync_Always_SendsGrpcHeadersOverExactHttp2()
    {
        var stub = new StubHandler(Ok);
        using var channel = stub.Channel();
        var metadata = new Metadata { { "x-text", "v" }, { "x-data-bin", new byte[] { 1, 2, 3, 4 } } };

        await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest(), new CallOptions { Headers = metadata, Timeout = TimeSpan.FromSeconds(20) });

        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://stub.invalid:1234/conformance.v1.EchoService/Echo", request.RequestUri!.ToString());
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
        Assert.Equal("application/grpc", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("trailers", RecordingHandler.Header(request.Headers, "te"));
        Assert.Equal("identity,gzip", RecordingHandler.Header(request.Headers, "grpc-accept-encoding"));
        Assert.Equal("v", RecordingHandler.Header(request.Headers, "x-text"));
        Assert.Equal("AQIDBA", RecordingHandler.Header(request.Headers, "x-data-bin"));
        Assert.True(GrpcTimeout.TryParse(RecordingHandler.Header(request.Headers, "grpc-timeout"), out var timeout));
        Assert.InRange(timeout, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task UnaryAsync_NoDeadline_SendsNoGrpcTimeout()
    {
        var stub = new StubHandler(Ok);
        using var channel = stub.Channel();

        await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest());

        Assert.Null(RecordingHandler.Header(Assert.Single(stub.Requests).Headers, "grpc-timeout"));
    }

    [Fact]
    public async Task UnaryAsync_DeadlineAlreadyPassed_ThrowsWithoutSending()
    {
        var stub = new StubHandler(Ok);
        using var channel = stub.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest(), new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(-1) }));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task UnaryAsync_AlreadyCancelledToken_ThrowsCancelled()
    {
        using var channel = new StubHandler(Ok).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest(), new CallOptions { CancellationToken = new CancellationToken(canceled: true) }));

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Theory]
    [InlineData("grpc-timeout")]
    [InlineData("content-type")]
    [InlineData("te")]
    public async Task UnaryAsync_ReservedMetadataKey_ThrowsArgumentException(string key)
    {
        using var channel = new StubHandler(Ok).Channel();

        await Assert.ThrowsAsync<ArgumentException>(() => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest(), new CallOptions { Headers = new Metadata { { key, "1" } } }));
    }

    [Fact]
    public async Task UnaryAsync_GrpcWeb_SendsGrpcWebContentTypeOverHttp11()
    {
        var stub = new StubHandler(Ok);
        using var channel = stub.Channel(grpcWeb: true);

        await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest());

        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpVersion.Version11, request.Version);
        Assert.Equal("application/grpc-web+proto", request.Content!.Headers.ContentType!.MediaType);
        Assert.Null(RecordingHandler.Header(request.Headers, "te"));
    }

    [Fact]
    public async Task UnaryAsync_RequestOverMaxSendSize_ThrowsResourceExhaustedWithoutSending()
    {
        var stub = new StubHandler(Ok);
        using var channel = new GrpcChannel(new Uri("http://stub.invalid"), new GrpcChannelOptions { HttpHandler = stub, MaxSendMessageSize = 10 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Message = new string('a', 100) }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task UnaryAsync_NothingListening_ThrowsUnavailable()
    {
        // A port that was free a moment ago: nothing accepts there, so the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = new GrpcChannel(new Uri($"http://127.0.0.1:{port}"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest(), new CallOptions { Timeout = TimeSpan.FromSeconds(10) }));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }
}
