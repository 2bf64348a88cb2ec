namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>
/// Decides whether a caller may make a call, after the method is known and before its request
/// is read, so unauthenticated callers cost no parsing. Register implementations in the service
/// collection; every one runs, in registration order, for every call on every front-end, and the
/// first refusal ends the call with its status, written by the transport in its own shape (a
/// gRPC status, or the API's JSON error body with the mapped HTTP status). Health checks never
/// pass through authorizers.
/// </summary>
public interface ICallAuthorizer
{
    /// <summary>Null to let the call go on; otherwise the status that ends it (UNAUTHENTICATED, PERMISSION_DENIED…).</summary>
    ValueTask<RpcStatus?> AuthorizeAsync(ServerCallContext context);
}
