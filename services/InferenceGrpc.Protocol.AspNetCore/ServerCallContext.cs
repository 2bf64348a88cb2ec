using InferenceGrpc.Protocol.AspNetCore.Pipeline;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>
/// What service code sees of a call: its deadline and cancellation, request metadata, and the
/// response headers and trailers to send. One per call, whatever the front-end.
/// </summary>
public sealed class ServerCallContext
{
    private readonly CallDeadline _deadline;
    private Metadata? _requestHeaders;

    internal ServerCallContext(HttpContext httpContext, string method, Google.Protobuf.Reflection.MethodDescriptor? descriptor, CallProtocol protocol, CallDeadline deadline)
    {
        HttpContext = httpContext;
        Method = method;
        MethodDescriptor = descriptor;
        Protocol = protocol;
        _deadline = deadline;
    }

    /// <summary>The method's path, "/package.Service/Method".</summary>
    public string Method { get; }

    /// <summary>The method's Protobuf descriptor (its kind, its types); null only for an unknown method, which never reaches service code or authorizers.</summary>
    public Google.Protobuf.Reflection.MethodDescriptor? MethodDescriptor { get; }

    public CallProtocol Protocol { get; }

    /// <summary>When the call must end, in UTC; <see cref="DateTime.MaxValue"/> when there is none.</summary>
    public DateTime Deadline => _deadline.Deadline;

    /// <summary>Fires when the client cancels or goes away, or when the deadline passes.</summary>
    public CancellationToken CancellationToken => _deadline.Token;

    /// <summary>
    /// True once the deadline has passed (as the deadline timer says, not a clock comparison),
    /// so service code can tell a deadline from a client that went away.
    /// </summary>
    public bool DeadlineExceeded => _deadline.Expired;

    /// <summary>The request headers as metadata (binary values decoded); built on first use.</summary>
    public Metadata RequestHeaders => _requestHeaders ??= RequestMetadataReader.Read(HttpContext.Request.Headers);

    /// <summary>Headers sent before the first response message. Changes after that are not sent.</summary>
    public Metadata ResponseHeaders { get; } = new();

    /// <summary>Trailers sent with the final status.</summary>
    public Metadata ResponseTrailers { get; } = new();

    /// <summary>The underlying HTTP exchange, for what the protocol does not model.</summary>
    public HttpContext HttpContext { get; }
}
