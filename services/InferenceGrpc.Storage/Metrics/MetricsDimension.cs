namespace InferenceGrpc.Storage.Metrics;

/// <summary>A group-by dimension: a text column of the inference, or one of its teams.</summary>
public enum MetricsDimension
{
    ModelName,
    VirtualModelName,
    RequestType,
    SubjectSlug,
    SubjectType,

    /// <summary>
    /// One row per team of the inference (the teams array unnested), so an inference of two
    /// teams counts in both rows; an inference without teams counts once, with a null team.
    /// </summary>
    Team,
}
