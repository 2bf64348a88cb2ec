using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>
/// The status of a response that carries no grpc-status, from its HTTP status
/// (grpc doc/http-grpc-status-mapping.md). Such responses come from proxies, load balancers
/// and servers that are not gRPC servers at all.
/// </summary>
internal static class HttpStatusMapping
{
    public static StatusCode ToStatusCode(int httpStatus) => httpStatus switch
    {
        < 200 and >= 100 => StatusCode.Internal,
        400 or 431 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    public static RpcStatus ToStatus(int httpStatus) =>
        new(ToStatusCode(httpStatus), $"Bad gRPC response. HTTP status code: {httpStatus}.");
}
