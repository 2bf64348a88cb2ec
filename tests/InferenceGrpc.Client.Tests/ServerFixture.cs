using System.Security.Cryptography.X509Certificates;
using InferenceGrpc.Server;

namespace InferenceGrpc.Client.Tests;

/// <summary>
/// Our server, in-process on OS-chosen ports: h2c, HTTP/1.1 (gRPC-Web) and TLS with a
/// self-signed certificate the fixture reads back so clients can trust exactly that one.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"inferencegrpc-client-tests-{Guid.NewGuid():N}.pem");
    private InferenceGrpcHost? _host;

    public ServerEndpoints Endpoints => _host?.Endpoints ?? throw new InvalidOperationException("The server has not started.");

    public X509Certificate2 Certificate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(
        [
            "--Server:GrpcPort=0", "--Server:HttpPort=0", "--Server:TlsPort=0",
            "--Grpc:CompressResponses=true",
            $"--Server:SelfSignedCertificateOut={_certificatePath}",
        ]);
        await _host.StartAsync();
        Certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(_certificatePath));
    }

    /// <summary>A channel to the h2c port.</summary>
    public GrpcChannel Grpc(GrpcChannelOptions? options = null) => new(Endpoints.Grpc!, options);

    /// <summary>A gRPC-Web channel to the HTTP/1.1 port.</summary>
    public GrpcChannel GrpcWeb()
    {
        var options = new GrpcChannelOptions { UseGrpcWeb = true };
        return new GrpcChannel(Endpoints.Http!, options);
    }

    /// <summary>A channel to the TLS port that trusts the server's own certificate and no other.</summary>
    public GrpcChannel Tls(bool grpcWeb = false)
    {
        var handler = GrpcChannel.CreateHttpHandler();
        var expected = Certificate;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == expected.GetCertHashString();
        return new GrpcChannel(Endpoints.Tls!, new GrpcChannelOptions { HttpHandler = handler, UseGrpcWeb = grpcWeb });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Certificate?.Dispose();
        File.Delete(_certificatePath);
    }
}
