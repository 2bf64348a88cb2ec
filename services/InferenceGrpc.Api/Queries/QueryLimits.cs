namespace InferenceGrpc.Api.Queries;

/// <summary>The "Query" configuration section: bounds every query so none can exhaust the service.</summary>
public sealed class QueryLimits
{
    public const string Section = "Query";

    /// <summary>The largest page (limit, page_size). Defaults to 1,000.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>How deep the filter tree may nest. Defaults to 16.</summary>
    public int MaxFilterDepth { get; set; } = 16;

    /// <summary>How many nodes the filter tree may have. Defaults to 256.</summary>
    public int MaxFilterNodes { get; set; } = 256;

    /// <summary>The longest search string. Defaults to 1,000 characters.</summary>
    public int MaxSearchLength { get; set; } = 1000;

    /// <summary>The most ids one get_inferences call may name. Defaults to 1,000.</summary>
    public int MaxIds { get; set; } = 1000;

    /// <summary>The largest offset. Defaults to 1,000,000: deeper paging belongs to cursors.</summary>
    public int MaxOffset { get; set; } = 1_000_000;
}
