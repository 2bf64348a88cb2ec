namespace InferenceGrpc.Client;

/// <summary>The header names of the gRPC protocol, and which headers are transport rather than metadata.</summary>
internal static class GrpcHeaderNames
{
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string StatusDetails = "grpc-status-details-bin";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";

    // Headers a gRPC response needs for its own machinery; callers asked for metadata, not these.
    private static readonly HashSet<string> Transport = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "content-length", "content-encoding", "date", "server", "vary", "te", "trailer",
        "transfer-encoding", "connection", "keep-alive", Encoding, AcceptEncoding, Status, Message,
    };

    // Headers the client writes itself; metadata with these names would corrupt the call.
    private static readonly HashSet<string> ReservedForRequests = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "content-length", "te", "host", "connection", "transfer-encoding", "user-agent",
    };

    public static bool IsTransport(string key) =>
        key.StartsWith(':') || key.StartsWith("access-control-", StringComparison.OrdinalIgnoreCase) || Transport.Contains(key);

    /// <summary>True for names metadata may not use on a request: grpc-* and the ones HTTP owns.</summary>
    public static bool IsReservedForRequests(string key) =>
        key.StartsWith(':') || key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) || ReservedForRequests.Contains(key);
}
