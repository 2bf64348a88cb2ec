namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>
/// One call's cancellation: the client going away (<c>RequestAborted</c>) or the deadline from
/// <c>grpc-timeout</c> passing, whichever comes first.
/// </summary>
internal sealed class CallDeadline : IDisposable
{
    // CancelAfter takes at most uint.MaxValue - 1 milliseconds; longer deadlines never fire in practice.
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _requestAborted;

    public CallDeadline(TimeSpan? timeout, CancellationToken requestAborted)
    {
        _requestAborted = requestAborted;
        _source = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        if (timeout is { } value)
        {
            var clamped = value < Longest ? value : Longest;
            Deadline = DateTime.UtcNow + clamped;
            _source.CancelAfter(clamped);
        }
    }

    public DateTime Deadline { get; } = DateTime.MaxValue;

    public CancellationToken Token => _source.Token;

    public bool ClientCancelled => _requestAborted.IsCancellationRequested;

    /// <summary>True when the deadline passed while the client was still there.</summary>
    public bool Expired => Deadline != DateTime.MaxValue && !ClientCancelled && DateTime.UtcNow >= Deadline;

    public void Dispose() => _source.Dispose();
}
