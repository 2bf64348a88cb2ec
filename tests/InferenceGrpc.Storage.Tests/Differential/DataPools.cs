using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// The values the generated data draws from, shared with the query generator so that queries
/// hit the data often (and miss it sometimes, with values no record has).
/// </summary>
internal sealed class DataPools
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Function name to its variants; "unknown-function" is never written.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Functions = new Dictionary<string, string[]>
    {
        ["chat"] = ["baseline", "gpt", "claude"],
        ["extract"] = ["baseline", "strict"],
        ["tensorzero::default"] = ["default"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> Tags = new Dictionary<string, string[]>
    {
        ["env"] = ["prod", "dev", "staging"],
        ["user"] = ["u1", "u2", "u3", "u4"],
        ["lang"] = ["en", "fr", string.Empty],
    };

    /// <summary>Words of input and output text: mixed case, repeats and overlaps ("aa" in "aaa") make search and relevance interesting.</summary>
    public static readonly string[] Words =
        ["Apple", "apple", "BANANA", "banana split", "cherry", "Hello", "world", "hello world", "aaa", "aa", "Grüße", "STRASSE", "x", "quote\"d", "42"];

    /// <summary>Float values of feedback and filters: few and repeated, so = and != meet equal values.</summary>
    public static readonly double[] Scores = [-1, 0, 0.25, 0.5, 1, 2.5];

    public static readonly MetricDefinition[] Metrics =
    [
        new() { Name = "accuracy", Type = MetricType.Float, Level = FeedbackLevel.Inference },
        new() { Name = "rating", Type = MetricType.Float, Level = FeedbackLevel.Episode },
        new() { Name = "ok", Type = MetricType.Boolean, Level = FeedbackLevel.Inference },
        new() { Name = "solved", Type = MetricType.Boolean, Level = FeedbackLevel.Episode },
        new() { Name = "rare", Type = MetricType.Float, Level = FeedbackLevel.Inference },
    ];

    public List<Guid> InferenceIds { get; } = [];

    public List<Guid> EpisodeIds { get; } = [];

    public List<string> SessionIds { get; } = [];

    public List<string> ExternalIds { get; } = [];

    public List<string> EvaluationIds { get; } = [];

    /// <summary>The whole seconds (from <see cref="Start"/>) around which inferences cluster, so many share a timestamp.</summary>
    public List<int> Seconds { get; } = [];

    /// <summary>Substrings of stored search text, to search for.</summary>
    public List<string> SearchSamples { get; } = [];

    public static MetricRef Ref(MetricDefinition metric) => new(metric.Name, metric.Level);
}
