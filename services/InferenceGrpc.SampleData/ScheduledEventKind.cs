namespace InferenceGrpc.SampleData;

/// <summary>Records that follow an inference (or start an evaluation run) at a later time.</summary>
internal enum ScheduledEventKind
{
    /// <summary>A float or boolean metric on an inference; Detail is the metric index.</summary>
    InferenceMetric,

    /// <summary>task_success on an episode.</summary>
    EpisodeMetric,

    /// <summary>A demonstration; Detail is the function index.</summary>
    Demonstration,

    /// <summary>A free-text comment.</summary>
    Comment,

    /// <summary>A Galtea metric on an inference; Detail is the metric index.</summary>
    InferenceEvaluation,

    /// <summary>A Galtea metric on a whole session (the episode's conversation).</summary>
    SessionEvaluation,

    /// <summary>An evaluation run begins; Detail is the run number.</summary>
    EvaluationRunStart,

    /// <summary>The next trial of a run is due; Detail is the run number.</summary>
    EvaluationTrial,
}
