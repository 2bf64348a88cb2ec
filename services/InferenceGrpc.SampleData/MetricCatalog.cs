using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// The feedback metrics the sample project defines, and the Galtea metric ids its evaluations
/// use. Indexes into <see cref="Definitions"/> travel in scheduled events.
/// </summary>
internal static class MetricCatalog
{
    public const int UserRating = 0;
    public const int ThumbsUp = 1;
    public const int Helpfulness = 2;
    public const int LatencyOk = 3;
    public const int TaskSuccess = 4;

    public static readonly IReadOnlyList<MetricDefinition> Definitions =
    [
        Define("user_rating", MetricType.Float, FeedbackLevel.Inference),
        Define("thumbs_up", MetricType.Boolean, FeedbackLevel.Inference),
        Define("helpfulness", MetricType.Float, FeedbackLevel.Inference),
        Define("latency_ok", MetricType.Boolean, FeedbackLevel.Inference),
        Define("task_success", MetricType.Boolean, FeedbackLevel.Episode),
    ];

    /// <summary>Galtea metrics applied to single inferences; the last one is lower-is-better.</summary>
    public static readonly IReadOnlyList<string> InferenceEvaluationMetrics = ["factual-accuracy", "answer-relevancy", "role-adherence", "toxicity"];

    public const string SessionEvaluationMetric = "conversation-completeness";

    public static bool IsBoolean(int metric) => Definitions[metric].Type == MetricType.Boolean;

    private static MetricDefinition Define(string name, MetricType type, FeedbackLevel level) =>
        new() { Name = name, Type = type, Level = level, Optimize = MetricOptimize.Max };
}
