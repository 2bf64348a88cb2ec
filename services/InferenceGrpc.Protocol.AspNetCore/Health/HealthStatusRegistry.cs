using System.Collections.Concurrent;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace InferenceGrpc.Protocol.AspNetCore.Health;

/// <summary>
/// The serving status of the server ("") and of each service, set by the application (for
/// example NOT_SERVING while its store is down) and watched by health clients.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly ConcurrentDictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);

    /// <summary>Raised after a status changes, with the service name.</summary>
    public event Action<string>? Changed;

    public void SetStatus(string service, ServingStatus status)
    {
        var previous = _statuses.TryGetValue(service, out var old) ? old : (ServingStatus?)null;
        _statuses[service] = status;
        if (previous != status)
        {
            Changed?.Invoke(service);
        }
    }

    /// <summary>Sets every known service, and the server, to one status (used at shutdown).</summary>
    public void SetAll(ServingStatus status)
    {
        foreach (var service in _statuses.Keys)
        {
            SetStatus(service, status);
        }
    }

    public ServingStatus? GetStatus(string service) => _statuses.TryGetValue(service, out var status) ? status : null;

    internal HealthCheckResponse ToResponse(string service) =>
        new() { Status = GetStatus(service) ?? ServingStatus.ServiceUnknown };
}
