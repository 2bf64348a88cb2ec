namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>Server-wide protocol settings.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>
    /// The largest request message accepted, before or after decompression. Larger messages end
    /// the call with RESOURCE_EXHAUSTED. Defaults to 4,194,304 (4 MiB), as in every gRPC stack.
    /// </summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest response message sent. Defaults to unlimited.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>
    /// When true, gRPC responses are gzip-compressed for clients whose
    /// <c>grpc-accept-encoding</c> names gzip, for messages of at least
    /// <see cref="ResponseCompressionMinBytes"/>. Defaults to false: on a fast network
    /// compression costs more CPU than it saves time.
    /// </summary>
    public bool CompressResponses { get; set; }

    /// <summary>Messages smaller than this are never compressed. Defaults to 1,024 bytes.</summary>
    public int ResponseCompressionMinBytes { get; set; } = 1024;

    /// <summary>
    /// The deadline of a unary call that sends none (no <c>grpc-timeout</c>, and every REST call),
    /// so a stuck store cannot hold requests forever. Defaults to 30 seconds; null for none.
    /// </summary>
    public TimeSpan? DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The deadline of a streaming call that sends none: long enough for a full export, short
    /// enough that a forgotten stream ends. Defaults to one hour; null for none.
    /// </summary>
    public TimeSpan? DefaultStreamingDeadline { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The longest one message of a response stream may wait for the client to take it (an HTTP/2
    /// client granting no flow-control window, an HTTP/1.1 client not reading) once the server's
    /// per-stream buffer is full. Then the stream is reset and the method's cancellation token
    /// fires, so a stalled client holds no store read or memory. Defaults to 30 seconds; null for none.
    /// </summary>
    public TimeSpan? StreamWriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When true, the message of an unexpected exception is sent to the client. Defaults to false
    /// so internals never leak; the exception is always logged.
    /// </summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>
    /// The longest body read for a gRPC-Web text request or a JSON request, in bytes (base64 and
    /// JSON are larger than protobuf). Defaults to 4/3 of <see cref="MaxReceiveMessageSize"/> plus framing.
    /// </summary>
    public int MaxBufferedRequestBytes => (int)Math.Min(int.MaxValue, (MaxReceiveMessageSize + 5L) * 4 / 3 + 4);

    /// <summary>
    /// Turn exceptions that are not <see cref="RpcException"/> into a status, in order; the first
    /// non-null answer wins, and an exception nobody maps is UNKNOWN. This is where a store says
    /// that throttling is RESOURCE_EXHAUSTED and an outage UNAVAILABLE, without service code
    /// catching everything.
    /// </summary>
    public List<Func<Exception, RpcStatus?>> ExceptionMappers { get; } = [];

    /// <summary>
    /// JSON shapes that replace the default Protobuf JSON mapping for particular methods, keyed
    /// by the method's full Protobuf name ("package.Service.Method"). APIs that must match someone else's JSON
    /// byte for byte register their shape here.
    /// </summary>
    public Dictionary<string, Transcoding.IJsonShape> JsonShapes { get; } = new(StringComparer.Ordinal);

    /// <summary>The title of the OpenAPI document served at /openapi.json.</summary>
    public string OpenApiTitle { get; set; } = "REST API";

    /// <summary>Serves these methods (full Protobuf names, "package.Service.Method") with <paramref name="shape"/>.</summary>
    public void UseJsonShape(Transcoding.IJsonShape shape, params string[] methodFullNames)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (var method in methodFullNames)
        {
            JsonShapes[method] = shape;
        }
    }

    /// <summary>The deadline a call to <paramref name="method"/> gets when the caller sets none.</summary>
    public TimeSpan? DefaultDeadlineFor(Google.Protobuf.Reflection.MethodDescriptor? method) =>
        method is { IsClientStreaming: true } or { IsServerStreaming: true } ? DefaultStreamingDeadline : DefaultDeadline;
}
