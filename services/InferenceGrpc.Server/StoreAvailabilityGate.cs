using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;

namespace InferenceGrpc.Server;

/// <summary>
/// Fails calls fast with UNAVAILABLE (503 over REST) while the store health check fails, instead
/// of letting each one wait for the store's own timeouts: callers retry elsewhere or later, and
/// the instance recovers by itself with the next passing check.
/// </summary>
internal sealed class StoreAvailabilityGate(StoreAvailability availability) : ICallAuthorizer
{
    private static readonly RpcStatus Unavailable = new(StatusCode.Unavailable, "The store failed its last health check; retry shortly.");

    public ValueTask<RpcStatus?> AuthorizeAsync(ServerCallContext context) =>
        ValueTask.FromResult(availability.IsAvailable ? null : Unavailable);
}
