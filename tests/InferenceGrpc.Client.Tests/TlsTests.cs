using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client.Tests;

/// <summary>The TLS port: HTTP/2 chosen by ALPN, with the server's self-signed certificate trusted explicitly.</summary>
public sealed class TlsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly CallOptions TenSeconds = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task UnaryAsync_TrustedSelfSignedCertificate_Succeeds()
    {
        using var channel = server.Tls();

        var response = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Message = "secure" }, TenSeconds);

        Assert.Equal("secure", response.Message);
    }

    [Fact]
    public async Task ServerStreaming_OverTls_ReadsAllMessages()
    {
        using var channel = server.Tls();

        var count = 0;
        await foreach (var _ in channel.ServerStreaming(EchoMethods.ServerStream, new ServerStreamRequest { Count = 500, PayloadSize = 64 }, TenSeconds))
        {
            count++;
        }

        Assert.Equal(500, count);
    }

    [Fact]
    public async Task UnaryAsync_GrpcWebOverTls_Succeeds()
    {
        using var channel = server.Tls(grpcWeb: true);

        var response = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Message = "web over tls" }, TenSeconds);

        Assert.Equal("web over tls", response.Message);
    }

    [Fact]
    public async Task UnaryAsync_UntrustedCertificate_ThrowsUnavailable()
    {
        using var channel = new GrpcChannel(server.Endpoints.Tls!);

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest(), TenSeconds));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }
}
