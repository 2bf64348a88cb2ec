using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>
/// The status of a call that failed below gRPC: the connection could not be made or broke, or
/// the server reset the stream (PROTOCOL-HTTP2.md, "Errors", for the RST_STREAM codes).
/// </summary>
internal static class TransportErrors
{
    public static RpcStatus ToStatus(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpProtocolException protocol)
            {
                return new RpcStatus(FromResetCode(protocol.ErrorCode), $"The HTTP/2 stream was reset (error code {protocol.ErrorCode}): {protocol.Message}");
            }
        }

        // A response HttpClient could not make sense of is a protocol violation; anything else
        // (refused, dropped, TLS failed) is the transient kind a caller may retry.
        var code = exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => StatusCode.Internal,
            HttpIOException { HttpRequestError: HttpRequestError.InvalidResponse } => StatusCode.Internal,
            HttpRequestException or IOException => StatusCode.Unavailable,
            _ => StatusCode.Internal,
        };
        return new RpcStatus(code, $"Error in the gRPC call: {exception.GetType().Name}: {exception.Message}");
    }

    private static StatusCode FromResetCode(long errorCode) => errorCode switch
    {
        0x7 => StatusCode.Unavailable,        // REFUSED_STREAM: nothing was processed, safe to retry.
        0x8 => StatusCode.Cancelled,          // CANCEL
        0xB => StatusCode.ResourceExhausted,  // ENHANCE_YOUR_CALM
        0xC => StatusCode.PermissionDenied,   // INADEQUATE_SECURITY
        _ => StatusCode.Internal,             // NO_ERROR without a status, PROTOCOL_ERROR, INTERNAL_ERROR, ...
    };
}
