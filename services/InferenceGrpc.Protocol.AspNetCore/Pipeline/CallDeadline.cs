namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>
/// One call's cancellation: the client going away (<c>RequestAborted</c>) or the deadline from
/// <c>grpc-timeout</c> passing, whichever comes first. Whether the deadline passed is asked of
/// the timer itself, not the clock: a timer may fire a tick before the clock reads the deadline.
/// </summary>
internal sealed class CallDeadline : IDisposable
{
    // CancelAfter takes at most uint.MaxValue - 1 milliseconds; longer deadlines never fire in practice.
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly CancellationTokenSource? _timer;
    private readonly CancellationTokenSource _call;
    private readonly CancellationToken _requestAborted;

    public CallDeadline(TimeSpan? timeout, CancellationToken requestAborted)
    {
        _requestAborted = requestAborted;
        if (timeout is { } value)
        {
            var clamped = value < Longest ? value : Longest;
            Deadline = DateTime.UtcNow + clamped;
            _timer = new CancellationTokenSource(clamped);
            _call = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _timer.Token);
        }
        else
        {
            _call = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        }
    }

    public DateTime Deadline { get; } = DateTime.MaxValue;

    public CancellationToken Token => _call.Token;

    public bool ClientCancelled => _requestAborted.IsCancellationRequested;

    /// <summary>True once the server began shutting down while this (streaming) call ran.</summary>
    public bool ShuttingDown { get; private set; }

    /// <summary>
    /// Marks the call as ending for shutdown. The token is not cancelled: cancelling a write in
    /// flight makes Kestrel reset the stream, so the stream writer ends the call with a status
    /// before its next message instead.
    /// </summary>
    public void MarkShuttingDown() => ShuttingDown = true;

    /// <summary>True when the deadline passed while the client was still there.</summary>
    public bool Expired => _timer is { IsCancellationRequested: true } && !ClientCancelled;

    public void Dispose()
    {
        _call.Dispose();
        _timer?.Dispose();
    }
}
