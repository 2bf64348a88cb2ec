using System.Net.Http;
using System.Text;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client.Tests;

/// <summary>The client's small pieces, without any HTTP.</summary>
public sealed class UnitTests
{
    [Fact]
    public void Method_FromDescriptor_TakesPathAndShape()
    {
        Assert.Equal("/conformance.v1.EchoService/Echo", EchoMethods.Echo.Path);
        Assert.Equal(MethodType.Unary, EchoMethods.Echo.Type);
        Assert.Equal(MethodType.ServerStreaming, EchoMethods.ServerStream.Type);
        Assert.Equal(MethodType.ClientStreaming, EchoMethods.ClientStream.Type);
        Assert.Equal(MethodType.DuplexStreaming, EchoMethods.BidiEcho.Type);
    }

    [Fact]
    public void Method_WrongMessageTypes_ThrowsArgumentException()
    {
        var descriptor = EchoServiceReflection.Descriptor.Services[0].FindMethodByName("Echo");

        Assert.Throws<ArgumentException>(() => new Method<EchoResponse, EchoResponse>(descriptor));
        Assert.Throws<ArgumentException>(() => new Method<EchoRequest, FailResponse>(descriptor));
        Assert.Throws<ArgumentException>(() => new Method<EchoRequest, EchoResponse>(EchoServiceReflection.Descriptor.Services[0], "Nope"));
    }

    [Fact]
    public async Task UnaryAsync_StreamingMethod_ThrowsArgumentException()
    {
        using var channel = new GrpcChannel(new Uri("http://127.0.0.1:1"));

        await Assert.ThrowsAsync<ArgumentException>(() => channel.UnaryAsync(EchoMethods.ServerStream, new ServerStreamRequest()));
    }

    [Fact]
    public void GrpcChannel_NonHttpAddress_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new GrpcChannel(new Uri("ftp://example.invalid")));
    }

    [Fact]
    public void ResolveUri_AddressWithPathPrefix_KeepsPrefix()
    {
        using var channel = new GrpcChannel(new Uri("https://example.invalid:8443/api/"));

        Assert.Equal("https://example.invalid:8443/api/pkg.S/M", channel.ResolveUri("/pkg.S/M").ToString());
    }

    [Fact]
    public void EffectiveDeadline_DeadlineAndTimeout_EarlierWins()
    {
        var now = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(now.AddSeconds(1), new CallOptions { Deadline = now.AddSeconds(5), Timeout = TimeSpan.FromSeconds(1) }.EffectiveDeadline(now, null));
        Assert.Equal(now.AddSeconds(2), new CallOptions { Deadline = now.AddSeconds(2), Timeout = TimeSpan.FromSeconds(9) }.EffectiveDeadline(now, null));
        Assert.Equal(now.AddSeconds(7), default(CallOptions).EffectiveDeadline(now, TimeSpan.FromSeconds(7)));
        Assert.Null(default(CallOptions).EffectiveDeadline(now, null));
        Assert.Equal(DateTime.MaxValue, new CallOptions { Timeout = TimeSpan.MaxValue }.EffectiveDeadline(now, null));
    }

    [Fact]
    public void Parse_TrailerBlock_LowerCasesKeysAndToleratesBareLf()
    {
        var pairs = GrpcWebTrailerBlock.Parse(Encoding.ASCII.GetBytes("Grpc-Status: 3\r\ngrpc-message: a: b\nx-k:v\r\n"));

        Assert.Equal(
            [new("grpc-status", "3"), new("grpc-message", "a: b"), new KeyValuePair<string, string>("x-k", "v")],
            pairs);
    }

    [Theory]
    [InlineData(0x8, StatusCode.Cancelled)]
    [InlineData(0x7, StatusCode.Unavailable)]
    [InlineData(0xB, StatusCode.ResourceExhausted)]
    [InlineData(0x2, StatusCode.Internal)]
    public void ToStatus_StreamReset_MapsHttp2ErrorCode(long errorCode, StatusCode expected)
    {
        var reset = new HttpRequestException("reset", new HttpProtocolException(errorCode, "reset", null));

        Assert.Equal(expected, TransportErrors.ToStatus(reset).Code);
    }
}
