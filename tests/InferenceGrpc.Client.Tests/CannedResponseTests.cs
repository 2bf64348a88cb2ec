using System.Net;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client.Tests;

/// <summary>How the client reads responses that are unusual, broken or not from a gRPC server at all.</summary>
public sealed class CannedResponseTests
{
    private static readonly EchoRequest Request = new() { Message = "x" };

    [Theory]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    public async Task UnaryAsync_HttpErrorWithoutGrpcStatus_MapsHttpStatus(HttpStatusCode http, StatusCode expected)
    {
        using var channel = new StubHandler(_ => StubHandler.HeadersOnly(http, "text/html")).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Equal(expected, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_HttpErrorWithGrpcStatus_UsesGrpcStatus()
    {
        using var channel = new StubHandler(_ => StubHandler.HeadersOnly(HttpStatusCode.ServiceUnavailable, "application/grpc", ("grpc-status", "7"))).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_TrailersOnly_ReadsStatusAndMetadataFromHeaders()
    {
        using var channel = new StubHandler(_ => StubHandler.HeadersOnly(HttpStatusCode.OK, "application/grpc",
            ("grpc-status", "5"), ("grpc-message", "caf%C3%A9 %25 missing"), ("x-why", "gone"))).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("café % missing", ex.Status.Message);
        Assert.Equal("gone", ex.Trailers.GetValue("x-why"));
        Assert.Null(ex.Trailers.Get("grpc-status"));
    }

    [Fact]
    public async Task ServerStreaming_TrailersOnlyOk_YieldsNothing()
    {
        using var channel = new StubHandler(_ => StubHandler.HeadersOnly(HttpStatusCode.OK, "application/grpc", ("grpc-status", "0"))).Channel();
        await using var call = channel.ServerStreaming(EchoMethods.ServerStream, new ServerStreamRequest());

        var messages = await ToListAsync(call);

        Assert.Empty(messages);
        Assert.Equal(StatusCode.OK, call.Status.Code);
    }

    [Fact]
    public async Task UnaryAsync_ResponseNotProtobuf_ThrowsInternal()
    {
        using var channel = new StubHandler(_ => StubHandler.Grpc([StubHandler.Frame([0xFF, 0xFF, 0xFF])], ("grpc-status", "0"))).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_NoGrpcStatusInTrailers_ThrowsUnknown()
    {
        using var channel = new StubHandler(_ => StubHandler.Grpc([StubHandler.Frame(new EchoResponse())])).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_OkWithoutMessage_ThrowsInternal()
    {
        using var channel = new StubHandler(_ => StubHandler.Grpc([], ("grpc-status", "0"))).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_TwoMessages_ThrowsInternal()
    {
        var frame = StubHandler.Frame(new EchoResponse { Message = "one" });
        using var channel = new StubHandler(_ => StubHandler.Grpc([frame, frame], ("grpc-status", "0"))).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_CompressedFrameWithoutEncoding_ThrowsInternal()
    {
        var frame = StubHandler.Frame(new EchoResponse().ToByteArray(), MessageFraming.CompressedFlag);
        using var channel = new StubHandler(_ => StubHandler.Grpc([frame], ("grpc-status", "0"))).Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_DetailsOfUnknownType_StayPackedAndMalformedDetailsAreIgnored()
    {
        var rich = new Google.Rpc.Status { Code = 9, Details = { Any.Pack(new EchoRequest { Message = "not a known detail" }), Any.Pack(new Google.Rpc.RetryInfo()) } };
        using var known = new StubHandler(_ => StubHandler.HeadersOnly(HttpStatusCode.OK, "application/grpc",
            ("grpc-status", "9"), ("grpc-status-details-bin", Base64Metadata.Encode(rich.ToByteArray())))).Channel();
        using var broken = new StubHandler(_ => StubHandler.HeadersOnly(HttpStatusCode.OK, "application/grpc",
            ("grpc-status", "9"), ("grpc-status-details-bin", "AAAA!not base64"))).Channel();

        var withDetails = await Assert.ThrowsAsync<RpcException>(() => known.UnaryAsync(EchoMethods.Echo, Request));
        var withBroken = await Assert.ThrowsAsync<RpcException>(() => broken.UnaryAsync(EchoMethods.Echo, Request));

        Assert.Collection(withDetails.Status.Details!, d => Assert.IsType<Any>(d), d => Assert.IsType<Google.Rpc.RetryInfo>(d));
        Assert.Equal(StatusCode.FailedPrecondition, withBroken.StatusCode);
        Assert.Null(withBroken.Status.Details);
    }

    [Fact]
    public async Task UnaryCallAsync_GrpcWebBody_ReadsStatusAndTrailersFromTrailerFrame()
    {
        var block = Encoding.ASCII.GetBytes("grpc-status: 0\r\ngrpc-message: fine\r\nX-Count: 3\r\n");
        var frames = new[] { StubHandler.Frame(new EchoResponse { Message = "web" }), StubHandler.Frame(block, MessageFraming.TrailersFlag) };
        using var channel = new StubHandler(_ =>
        {
            var response = StubHandler.Grpc(frames);
            response.Content.Headers.ContentType = new("application/grpc-web+proto");
            return response;
        }).Channel(grpcWeb: true);

        var result = await channel.UnaryCallAsync(EchoMethods.Echo, Request);

        Assert.Equal("web", result.Response.Message);
        Assert.Equal("fine", result.Status.Message);
        Assert.Equal("3", result.Trailers.GetValue("x-count"));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
