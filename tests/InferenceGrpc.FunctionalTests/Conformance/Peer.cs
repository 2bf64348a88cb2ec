namespace InferenceGrpc.FunctionalTests.Conformance;

/// <summary>
/// A client written by others, driven by a script in tests/conformance/peers. Every script takes
/// the same flags and prints one JSON result per case; one script may report several peers
/// (connect reports its gRPC and gRPC-Web transports separately).
/// </summary>
public sealed record Peer(string Script, string Program, params string[] Arguments)
{
    public static readonly Peer GrpcIo = new("grpcio", "/usr/bin/python3", "tests/conformance/peers/grpcio_client.py");
    public static readonly Peer GrpcJs = new("grpc-js", "node", "tests/conformance/peers/grpc_js_client.mjs");
    public static readonly Peer Connect = new("connect", "node", "tests/conformance/peers/connect_client.mjs");
    public static readonly Peer Curl = new("curl", "/usr/bin/python3", "tests/conformance/peers/curl_client.py");

    public static IReadOnlyList<Peer> All { get; } = [GrpcIo, GrpcJs, Connect, Curl];
}
