using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Selection;

/// <summary>Reads <c>--order-by</c>: <c>timestamp[:asc|desc]</c>, <c>metric:NAME[:asc|desc]</c> or <c>relevance</c>.</summary>
internal static class OrderByFlag
{
    public static OrderBy Parse(string text)
    {
        var parts = text.Split(':');
        var (key, name, rest) = parts[0] switch
        {
            "timestamp" => (OrderBy.Types.Key.Timestamp, "", parts[1..]),
            "metric" when parts.Length >= 2 && parts[1].Length > 0 => (OrderBy.Types.Key.Metric, parts[1], parts[2..]),
            "relevance" => (OrderBy.Types.Key.SearchRelevance, "", parts[1..]),
            _ => throw Bad(text),
        };
        var direction = rest switch
        {
            [] or ["desc"] => OrderBy.Types.Direction.Descending,
            ["asc"] => OrderBy.Types.Direction.Ascending,
            _ => throw Bad(text),
        };
        return new OrderBy { By = key, Name = name, Direction = direction };
    }

    private static CliUsageException Bad(string text) =>
        new($"--order-by '{text}': use timestamp[:asc|desc], metric:NAME[:asc|desc] or relevance[:asc|desc].");
}
