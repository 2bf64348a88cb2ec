namespace InferenceGrpc.Client.Tests;

/// <summary>The core cases against our own server over h2c.</summary>
public sealed class OurServerCoreTests(ServerFixture server) : EchoCoreCases, IClassFixture<ServerFixture>, IDisposable
{
    private readonly GrpcChannel _channel = server.Grpc();

    protected override GrpcChannel Channel => _channel;

    public void Dispose() => _channel.Dispose();
}
