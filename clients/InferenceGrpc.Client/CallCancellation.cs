using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>
/// Everything that can end a call early: the caller's token, the deadline, and the call itself
/// giving up (a protocol error, or an abandoned stream). One token stops the HTTP exchange; the
/// reason decides the status the caller sees.
/// </summary>
internal sealed class CallCancellation : IDisposable
{
    // CancelAfter accepts at most uint.MaxValue - 1 ms (about 49 days); past that the timer is
    // left unset, since such a deadline never fires in a process's life in practice.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly CancellationTokenSource _source = new();
    private readonly CancellationTokenSource? _deadlineTimer;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly CancellationTokenRegistration _deadlineRegistration;
    private int _reason;

    public CallCancellation(DateTime? deadline, CancellationToken callerToken)
    {
        Deadline = deadline;
        if (deadline is { } at && at != DateTime.MaxValue)
        {
            var remaining = at - DateTime.UtcNow;
            if (remaining < LongestTimer)
            {
                _deadlineTimer = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
                _deadlineRegistration = _deadlineTimer.Token.Register(static s => ((CallCancellation)s!).Cancel(Reason.Deadline), this);
            }
        }

        _callerRegistration = callerToken.Register(static s => ((CallCancellation)s!).Cancel(Reason.Caller), this);
    }

    private enum Reason
    {
        None,
        Caller,
        Deadline,
        Aborted,
    }

    /// <summary>The call's deadline (UTC), or null for none.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Cancelled when the call must stop, whatever the reason.</summary>
    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>
    /// The status a caller sees for a call stopped by its token or its deadline; null when it
    /// was not stopped, or stopped by the call itself (which then knows its own status).
    /// </summary>
    public RpcStatus? Status => (Reason)Volatile.Read(ref _reason) switch
    {
        Reason.Caller => new RpcStatus(StatusCode.Cancelled, "Call canceled by the client."),
        Reason.Deadline => new RpcStatus(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
        _ => null,
    };

    /// <summary>True when the deadline has already passed, so the call should not even be sent.</summary>
    public bool DeadlineAlreadyPassed => Deadline is { } at && at <= DateTime.UtcNow;

    /// <summary>Stops the exchange for the call's own reasons (keeps an earlier caller or deadline reason).</summary>
    public void Abort() => Cancel(Reason.Aborted);

    /// <summary>Stops the exchange as if the caller's token had fired.</summary>
    public void CancelByCaller() => Cancel(Reason.Caller);

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _deadlineRegistration.Dispose();
        _deadlineTimer?.Dispose();
        _source.Dispose();
    }

    private void Cancel(Reason reason)
    {
        // The first reason wins: a deadline that fires while an abort is under way is not news.
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)Reason.None) != (int)Reason.None)
        {
            return;
        }

        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call already ended and released its resources; nothing is left to stop.
        }
    }
}
