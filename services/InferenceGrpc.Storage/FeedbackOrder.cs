using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage;

/// <summary>
/// Newest feedback first: the later creation time in whole milliseconds, then the larger id.
/// Ids are UUIDs whose canonical text sorts as their bytes do, so ordinal order on the text is
/// the order SQLite gives their big-endian blobs.
/// </summary>
public static class FeedbackOrder
{
    public static readonly IComparer<Feedback> NewestFirst = Comparer<Feedback>.Create((x, y) =>
    {
        var byTime = Milliseconds(y).CompareTo(Milliseconds(x));
        return byTime != 0 ? byTime : string.CompareOrdinal(y.Id, x.Id);
    });

    private static long Milliseconds(Feedback feedback) => feedback.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds();
}
