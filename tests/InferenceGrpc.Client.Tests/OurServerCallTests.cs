using System.Threading.Channels;
using Google.Protobuf;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client.Tests;

/// <summary>Behaviours beyond the core cases, against our own server over h2c.</summary>
public sealed class OurServerCallTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly CallOptions TenSeconds = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task UnaryCallAsync_GzipBothWays_SendsAndReceivesCompressed()
    {
        var recorder = new RecordingHandler(GrpcChannel.CreateHttpHandler());
        using var channel = server.Grpc(new GrpcChannelOptions { CompressRequests = true, HttpHandler = recorder });
        var payload = ByteString.CopyFrom(new byte[64 * 1024]);

        var result = await channel.UnaryCallAsync(EchoMethods.Echo, new EchoRequest { Message = "zip", Payload = payload }, TenSeconds);

        Assert.Equal(payload, result.Response.Payload);
        var (request, response) = Assert.Single(recorder.Exchanges);
        Assert.Equal("gzip", RecordingHandler.Header(request.Headers, "grpc-encoding"));
        Assert.Equal("gzip", RecordingHandler.Header(response.Headers, "grpc-encoding"));
    }

    [Fact]
    public async Task ServerStreaming_GzipResponses_AreDecompressed()
    {
        using var channel = server.Grpc();

        var sizes = new List<int>();
        await foreach (var message in channel.ServerStreaming(EchoMethods.ServerStream, new ServerStreamRequest { Count = 20, PayloadSize = 8192 }, TenSeconds))
        {
            sizes.Add(message.Payload.Length);
        }

        Assert.Equal(Enumerable.Repeat(8192, 20), sizes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnaryAsync_ResponseOverMaxReceiveSize_ThrowsResourceExhausted(bool acceptGzip)
    {
        // With gzip the frame is small and only the inflated message is too large.
        using var channel = server.Grpc(new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024, AcceptCompressedResponses = acceptGzip });
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[64 * 1024]) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, request, TenSeconds));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_UnknownMethod_ThrowsUnimplemented()
    {
        using var channel = server.Grpc();
        var missing = new Method<EchoRequest, EchoResponse>("conformance.v1.EchoService", "NoSuchMethod", MethodType.Unary);

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(missing, new EchoRequest(), TenSeconds));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task ServerStreaming_FailAfter_YieldsMessagesThenThrowsInternalWithTrailers()
    {
        using var channel = server.Grpc();
        await using var call = channel.ServerStreaming(EchoMethods.ServerStream, new ServerStreamRequest { Count = 10, FailAfter = 3 }, TenSeconds);

        var received = 0;
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call)
            {
                received++;
            }
        });

        Assert.Equal(3, received);
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Equal(StatusCode.Internal, call.Status.Code);
        Assert.Same(call.Trailers, ex.Trailers);
    }

    [Fact]
    public async Task DuplexStreaming_EachRequest_IsAnsweredBeforeTheNextIsSent()
    {
        using var channel = server.Grpc();
        var requests = Channel.CreateUnbounded<BidiEchoRequest>();
        await using var call = channel.DuplexStreaming(EchoMethods.BidiEcho, requests.Reader.ReadAllAsync(), TenSeconds);
        await using var responses = call.GetAsyncEnumerator();

        // Lock-step: a response to each request before the next is written proves both directions stream.
        for (var i = 0; i < 5; i++)
        {
            await requests.Writer.WriteAsync(new BidiEchoRequest { Message = $"m{i}" });
            Assert.True(await responses.MoveNextAsync());
            Assert.NotNull(await call.ResponseHeadersAsync());
            Assert.Equal($"m{i}", responses.Current.Message);
            Assert.Equal(i, responses.Current.Index);
        }

        requests.Writer.Complete();
        Assert.False(await responses.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.Status.Code);
    }

    [Fact]
    public async Task ClientStreamingAsync_RequestSequenceThrows_RethrowsThatException()
    {
        using var channel = server.Grpc();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => channel.ClientStreamingAsync(EchoMethods.ClientStream, Failing(), TenSeconds));

        Assert.Equal("producer failed", ex.Message);
    }

    [Fact]
    public async Task ClientStreamingAsync_GzipRequests_AreSummed()
    {
        using var channel = server.Grpc(new GrpcChannelOptions { CompressRequests = true });

        var response = await channel.ClientStreamingAsync(EchoMethods.ClientStream, Numbers(500), TenSeconds);

        Assert.Equal(125_250, response.Sum);
        Assert.Equal(500, response.Count);
    }

    [Fact]
    public async Task UnaryAsync_ChannelDefaultTimeoutAndNoCallDeadline_ThrowsDeadlineExceeded()
    {
        using var channel = server.Grpc(new GrpcChannelOptions { DefaultTimeout = TimeSpan.FromMilliseconds(200) });

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Slow, new SlowRequest { DelayMs = 10_000 }));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_ManyConcurrentCalls_AllSucceed()
    {
        using var channel = server.Grpc();

        // More calls at once than one HTTP/2 connection's default stream limit (100).
        var replies = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Message = $"#{i}" }, new CallOptions { Timeout = TimeSpan.FromSeconds(30) })));

        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"#{i}"), replies.Select(r => r.Message));
    }

    private static async IAsyncEnumerable<ClientStreamRequest> Failing()
    {
        yield return new ClientStreamRequest { Value = 1 };
        await Task.Yield();
        throw new InvalidOperationException("producer failed");
    }

    private static async IAsyncEnumerable<ClientStreamRequest> Numbers(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.CompletedTask;
            yield return new ClientStreamRequest { Value = i };
        }
    }
}
