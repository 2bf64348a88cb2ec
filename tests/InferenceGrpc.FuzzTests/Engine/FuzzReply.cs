using System.Net;

namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// What the server answered: HTTP status, content type and body, and for the gRPC wires the
/// grpc-status (from trailers, headers or the gRPC-Web trailer frame) and the message frames.
/// </summary>
public sealed record FuzzReply(HttpStatusCode Status, string? ContentType, byte[] Body, string? GrpcStatus, IReadOnlyList<byte[]> Messages)
{
    /// <summary>The grpc-message that came with the status, percent-encoded as sent.</summary>
    public string? GrpcMessage { get; init; }

    public override string ToString() =>
        $"HTTP {(int)Status} {ContentType}, grpc-status {GrpcStatus ?? "none"} {GrpcMessage}, body {Body.Length} bytes: {Preview()}";

    private string Preview()
    {
        var text = System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return text.ReplaceLineEndings("⏎");
    }
}
