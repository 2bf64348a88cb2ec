namespace InferenceGrpc.Client.Tests;

/// <summary>The core cases against the @grpc/grpc-js reference server.</summary>
public sealed class GrpcJsPeerCoreTests(GrpcJsPeerFixture peer) : EchoCoreCases, IClassFixture<GrpcJsPeerFixture>, IDisposable
{
    private readonly GrpcChannel _channel = new(peer.Address);

    protected override GrpcChannel Channel => _channel;

    public void Dispose() => _channel.Dispose();
}
