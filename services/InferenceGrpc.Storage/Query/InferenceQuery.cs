namespace InferenceGrpc.Storage.Query;

/// <summary>
/// What to list, in a form every store compiles to its own SQL: filters, order and page. The
/// query layer builds it from an API request after validation; stores trust it. Ids always
/// break ties (descending by default, so the newest come first).
/// </summary>
public sealed record InferenceQuery
{
    public string? FunctionName { get; init; }

    public string? VariantName { get; init; }

    public Guid? EpisodeId { get; init; }

    /// <summary>Only these inference ids, when given.</summary>
    public IReadOnlyList<Guid>? Ids { get; init; }

    /// <summary>Only these external ids (Galtea ids), when given.</summary>
    public IReadOnlyList<string>? ExternalIds { get; init; }

    /// <summary>Only these sessions, when given.</summary>
    public IReadOnlyList<string>? SessionIds { get; init; }

    /// <summary>Only inferences that these inference evaluations point at, when given.</summary>
    public IReadOnlyList<string>? EvaluationIds { get; init; }

    /// <summary>Only inferences created at or after this instant.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only inferences created at or before this instant.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    public FilterNode? Filter { get; init; }

    /// <summary>Case-insensitive substring searched in the input and output JSON.</summary>
    public string? Search { get; init; }

    public IReadOnlyList<InferenceOrder> OrderBy { get; init; } = [];

    /// <summary>Only ids strictly older than this; with it, ordering is by timestamp only.</summary>
    public Guid? Before { get; init; }

    /// <summary>
    /// Only ids strictly newer than this. TensorZero semantics: the rows just newer than the
    /// cursor, still returned in the requested order (the store inverts, limits, and reverses).
    /// </summary>
    public Guid? After { get; init; }

    public int Offset { get; init; }

    /// <summary>The page size; 0 returns no rows.</summary>
    public int Limit { get; init; } = 20;

    public OutputSource OutputSource { get; init; } = OutputSource.Inference;

    /// <summary>Also count every matching row, ignoring paging.</summary>
    public bool IncludeTotalCount { get; init; }

    /// <summary>Include soft-deleted inferences.</summary>
    public bool IncludeDeleted { get; init; }
}
