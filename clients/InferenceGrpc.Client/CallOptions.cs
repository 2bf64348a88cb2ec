using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>Per-call settings. The default value means: no extra metadata, the channel's default timeout, not cancellable.</summary>
public readonly record struct CallOptions
{
    /// <summary>Request metadata sent as headers. Keys ending in <c>-bin</c> are sent base64-encoded.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>The moment (UTC) the call must be done by. Combined with <see cref="Timeout"/>, the earlier wins.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>How long the call may take from when it starts. Combined with <see cref="Deadline"/>, the earlier wins.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Cancels the call: the HTTP/2 stream is reset and the call fails with CANCELLED.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The deadline in force for a call starting at <paramref name="now"/>, or null for none.</summary>
    internal DateTime? EffectiveDeadline(DateTime now, TimeSpan? defaultTimeout)
    {
        DateTime? fromTimeout = Timeout is { } timeout ? Add(now, timeout) : null;
        DateTime? deadline = (Deadline is { } at ? AsUtc(at) : (DateTime?)null, fromTimeout) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
        return deadline ?? (defaultTimeout is { } fallback ? Add(now, fallback) : null);
    }

    // An unspecified kind is taken as UTC, as documented, rather than guessed to be local time.
    private static DateTime AsUtc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;

    // Saturate instead of overflowing: a huge timeout simply means no deadline in practice.
    private static DateTime Add(DateTime now, TimeSpan timeout) =>
        timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
}
