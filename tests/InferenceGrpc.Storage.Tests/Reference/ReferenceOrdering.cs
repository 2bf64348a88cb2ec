using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage.Tests.Reference;

/// <summary>
/// The spec's order: each key in its direction with missing values last either way, then the
/// id, newest first. <c>invert</c> flips every key and the id (the first step of an 'after' query);
/// missing values stay last.
/// </summary>
internal sealed class ReferenceOrdering(ReferenceData data, InferenceQuery query, bool invert) : IComparer<Inference>
{
    private readonly string _term = SearchText.Normalize(query.Search ?? string.Empty);

    public int Compare(Inference? x, Inference? y)
    {
        foreach (var order in query.OrderBy)
        {
            var left = Key(x!, order);
            var right = Key(y!, order);
            if (left is null != right is null)
            {
                return left is null ? 1 : -1;
            }

            var compared = left is null ? 0 : left.Value.CompareTo(right!.Value);
            if (compared != 0)
            {
                return order.Descending != invert ? -compared : compared;
            }
        }

        var byId = Uuid7.Compare(Guid.Parse(x!.Id), Guid.Parse(y!.Id));
        return invert ? byId : -byId;
    }

    private double? Key(Inference inference, InferenceOrder order) => order.Key switch
    {
        OrderKey.Timestamp => ReferenceFilter.WholeSeconds(inference),
        OrderKey.Metric => ReferenceFilter.Metric(order.Metric!, inference, data),
        OrderKey.SearchRelevance => Occurrences(SearchText.Of(inference)),
        OrderKey.TurnIndex => inference.HasTurnIndex ? inference.TurnIndex : null,
        _ => throw new ArgumentOutOfRangeException(nameof(order), order.Key, "Unknown order key."),
    };

    /// <summary>Non-overlapping occurrences of the term, counted left to right (ClickHouse's countSubstrings).</summary>
    private int Occurrences(string text)
    {
        if (_term.Length == 0)
        {
            return 0;
        }

        var count = 0;
        var at = 0;
        while ((at = text.IndexOf(_term, at, StringComparison.Ordinal)) >= 0)
        {
            count++;
            at += _term.Length;
        }

        return count;
    }
}
