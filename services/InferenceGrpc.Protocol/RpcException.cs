namespace InferenceGrpc.Protocol;

/// <summary>
/// Thrown by service code to end a call with a status, and by the client when a call ends with
/// one that is not OK. <see cref="Trailers"/> carries the response trailers the peer sent.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(RpcStatus status, Metadata? trailers = null)
        : base(status.ToString())
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(StatusCode code, string message)
        : this(new RpcStatus(code, message))
    {
    }

    public RpcStatus Status { get; }

    public StatusCode StatusCode => Status.Code;

    public Metadata Trailers { get; }
}
