namespace InferenceGrpc.Storage.Query;

public enum OrderKey
{
    /// <summary>The inference time, then the id.</summary>
    Timestamp,

    /// <summary>The latest value of a metric, missing values last in either direction.</summary>
    Metric,

    /// <summary>How often the search text occurs in input and output.</summary>
    SearchRelevance,

    /// <summary>The turn's position in its session, missing values last.</summary>
    TurnIndex,

    /// <summary>The exact creation time, to the millisecond (Galtea createdAt), then the id.</summary>
    CreatedTime,
}

/// <summary>One sort key; <see cref="Metric"/> is set for <see cref="OrderKey.Metric"/>.</summary>
public sealed record InferenceOrder(OrderKey Key, bool Descending, MetricRef? Metric = null);
