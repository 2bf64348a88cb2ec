using System.Text.Json.Nodes;
using InferenceGrpc.Contracts.V1;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Orders sort-key rows (id, createdS, createdMs, turnIndex, metrics, episodeMetrics, searchText) the way
/// the SQL stores do: each key in its direction with missing values last either way, then the
/// id, newest first. Cosmos cannot ORDER BY a computed value such as a metric from an array.
/// </summary>
internal sealed class InMemoryOrdering(InferenceQuery query) : IComparer<JsonNode>
{
    private readonly string _term = SearchText.Normalize(query.Search ?? string.Empty);

    public int Compare(JsonNode? x, JsonNode? y)
    {
        foreach (var order in query.OrderBy)
        {
            var left = Key(x!, order);
            var right = Key(y!, order);
            if (left is null || right is null)
            {
                if (left is null && right is null)
                {
                    continue;
                }

                return left is null ? 1 : -1;
            }

            var compared = left.Value.CompareTo(right.Value);
            if (compared != 0)
            {
                return order.Descending ? -compared : compared;
            }
        }

        return string.CompareOrdinal((string)y!["id"]!, (string)x!["id"]!);
    }

    private double? Key(JsonNode row, InferenceOrder order) => order.Key switch
    {
        OrderKey.Timestamp => (double?)row["createdS"],
        OrderKey.TurnIndex => (double?)row["turnIndex"],
        OrderKey.CreatedTime => (double?)row["createdMs"],
        OrderKey.Metric => Metric(row, order.Metric!),
        OrderKey.SearchRelevance => Occurrences((string?)row["searchText"] ?? string.Empty),
        _ => throw new ArgumentOutOfRangeException(nameof(order)),
    };

    private static double? Metric(JsonNode row, MetricRef metric)
    {
        var values = row[metric.Level == FeedbackLevel.Episode ? "episodeMetrics" : "metrics"] as JsonArray;
        return (double?)values?.OfType<JsonObject>().FirstOrDefault(m => (string?)m["n"] == metric.Name)?["v"];
    }

    /// <summary>Non-overlapping occurrences, as SQL's (length - length(replace)) / length counts them.</summary>
    private double Occurrences(string text)
    {
        if (_term.Length == 0)
        {
            return 0;
        }

        var count = 0;
        for (var at = text.IndexOf(_term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(_term, at + _term.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
