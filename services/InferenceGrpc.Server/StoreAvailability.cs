namespace InferenceGrpc.Server;

/// <summary>What the last store health check found; written by <see cref="StoreHealthMonitor"/>.</summary>
internal sealed class StoreAvailability
{
    private volatile bool _available = true;

    public bool IsAvailable
    {
        get => _available;
        set => _available = value;
    }
}
