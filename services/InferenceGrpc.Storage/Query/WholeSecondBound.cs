namespace InferenceGrpc.Storage.Query;

/// <summary>
/// A time filter compares an inference's whole-second timestamp with an instant that may carry
/// fractions of a second. Rewritten as a comparison with a whole second, it stays exact in
/// integer arithmetic (a double cannot hold sub-millisecond parts of today's Unix time):
/// s &lt; t ⇔ s &lt; ⌈t⌉, s ≤ t ⇔ s ≤ ⌊t⌋, s &gt; t ⇔ s &gt; ⌊t⌋, s ≥ t ⇔ s ≥ ⌈t⌉, and = / != hold
/// only for a whole t (never / always otherwise, given as <see cref="Constant"/>).
/// </summary>
public readonly record struct WholeSecondBound(Comparison Comparison, long Seconds, bool? Constant)
{
    public static WholeSecondBound For(Comparison comparison, DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var (floor, remainder) = Math.DivRem(ticks, TimeSpan.TicksPerSecond);
        if (remainder < 0)
        {
            // Before 1970 division truncates toward zero; floor goes one further down.
            floor--;
        }

        var whole = remainder == 0;
        var ceiling = whole ? floor : floor + 1;
        return comparison switch
        {
            Comparison.LessThan => new(comparison, ceiling, null),
            Comparison.LessThanOrEqual => new(comparison, floor, null),
            Comparison.GreaterThan => new(comparison, floor, null),
            Comparison.GreaterThanOrEqual => new(comparison, ceiling, null),
            Comparison.Equal => new(comparison, floor, whole ? null : false),
            Comparison.NotEqual => new(comparison, floor, whole ? null : true),
            _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
        };
    }
}
