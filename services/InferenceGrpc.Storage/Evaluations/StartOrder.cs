using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Storage.Evaluations;

/// <summary>
/// Oldest first by start time at full (nanosecond) precision, a missing start as the epoch, ties
/// by id in ordinal order: total, and the same on every backend. Runs and trials both sort by it.
/// </summary>
internal static class StartOrder
{
    public static int Compare(Timestamp? xStart, string xId, Timestamp? yStart, string yId)
    {
        var bySeconds = (xStart?.Seconds ?? 0).CompareTo(yStart?.Seconds ?? 0);
        if (bySeconds != 0)
        {
            return bySeconds;
        }

        var byNanos = (xStart?.Nanos ?? 0).CompareTo(yStart?.Nanos ?? 0);
        return byNanos != 0 ? byNanos : string.CompareOrdinal(xId, yId);
    }
}
