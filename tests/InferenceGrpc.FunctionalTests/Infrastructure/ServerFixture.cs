using InferenceGrpc.Server;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FunctionalTests.Infrastructure;

/// <summary>
/// The service in-process on free ports: h2c gRPC, HTTP/1.1, and TLS with a self-signed
/// certificate written where peers can trust it. Responses are gzip-compressed for clients that
/// accept it, so compression is exercised in both directions.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-tests-").FullName;
    private InferenceGrpcHost? _host;

    public string CertificatePath => Path.Combine(_directory, "server.pem");

    public ServerEndpoints Endpoints => _host?.Endpoints ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(
        [
            "--Server:GrpcPort=0",
            "--Server:HttpPort=0",
            "--Server:TlsPort=0",
            $"--Server:SelfSignedCertificateOut={CertificatePath}",
            "--Grpc:CompressResponses=true",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
