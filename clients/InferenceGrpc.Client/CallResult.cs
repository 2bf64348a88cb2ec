using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>A call that ended OK: its response with the metadata that came around it.</summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class CallResult<TResponse>
{
    internal CallResult(TResponse response, Metadata responseHeaders, Metadata trailers, RpcStatus status)
    {
        Response = response;
        ResponseHeaders = responseHeaders;
        Trailers = trailers;
        Status = status;
    }

    /// <summary>The response message.</summary>
    public TResponse Response { get; }

    /// <summary>
    /// The response headers as metadata, without transport headers (content-type, grpc-encoding
    /// and the like). For a Trailers-Only response these are the same entries as <see cref="Trailers"/>.
    /// </summary>
    public Metadata ResponseHeaders { get; }

    /// <summary>The trailers as metadata, without grpc-status and grpc-message (see <see cref="Status"/>).</summary>
    public Metadata Trailers { get; }

    /// <summary>The final status; always OK here, with the server's message if it sent one.</summary>
    public RpcStatus Status { get; }
}
