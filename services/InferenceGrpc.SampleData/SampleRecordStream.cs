using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// One pass of the simulation: metric definitions first, then every record in time order.
/// Inferences arrive on the <see cref="ArrivalSchedule"/>; feedback, evaluations and trials wait
/// in an <see cref="EventQueue"/> until their time comes. Ids are minted in that same order,
/// so they increase strictly through the stream. Nothing is kept once yielded, so memory
/// depends on how much is pending, not on how many records there are.
/// </summary>
internal sealed class SampleRecordStream
{
    private readonly Random _random;
    private readonly SeededUuid7Factory _ids;
    private readonly ArrivalSchedule _arrivals;
    private readonly EventQueue _queue;
    private readonly EpisodePool _episodes;
    private readonly InferenceFactory _inferences;
    private readonly FollowUpPlanner _planner;
    private readonly FeedbackFactory _feedback;
    private readonly InferenceEvaluationFactory _evaluations;
    private readonly EvaluationRunSimulator _runs;

    public SampleRecordStream(SampleDataOptions options)
    {
        _random = new Random(options.Seed);
        _ids = new SeededUuid7Factory(_random);
        var endMs = options.WindowEnd.ToUnixTimeMilliseconds();
        var startMs = endMs - (long)options.WindowLength.TotalMilliseconds;
        _arrivals = new ArrivalSchedule(startMs, endMs, options.InferenceCount);
        _queue = new EventQueue(endMs);
        _episodes = new EpisodePool(_random, _ids);
        _inferences = new InferenceFactory(_random, endMs);
        _planner = new FollowUpPlanner(_random, _queue);
        _feedback = new FeedbackFactory(_random, _ids);
        _evaluations = new InferenceEvaluationFactory(_random, _ids);
        _runs = new EvaluationRunSimulator(_random, _ids, _queue);
        _runs.ScheduleRuns(startMs, endMs, options.InferenceCount);
    }

    /// <summary>How many inferences this pass has generated so far.</summary>
    public long InferencesGenerated { get; private set; }

    /// <summary>How many records wait for their time; bounded by the longest follow-up delay.</summary>
    public int Pending => _queue.Count;

    public IEnumerable<Record> Records()
    {
        foreach (var metric in MetricCatalog.Definitions)
        {
            yield return new Record { MetricDefinition = metric.Clone() };
        }

        while (_arrivals.TryNext(_random, out var timeMs))
        {
            while (_queue.TryDequeueBefore(timeMs, out var due))
            {
                yield return Emit(due);
            }

            yield return new Record { Inference = NextInference(timeMs) };
        }

        while (_queue.TryDequeueBefore(long.MaxValue, out var due))
        {
            yield return Emit(due);
        }
    }

    private Inference NextInference(long timeMs)
    {
        var episode = _episodes.Next(timeMs);
        var (inference, outcome) = _inferences.Create(_ids.Next(timeMs), timeMs, episode);
        InferencesGenerated++;
        _planner.PlanInference(outcome, episode.SessionId is not null);
        if (episode.IsComplete)
        {
            _episodes.Close(episode);
            _planner.PlanEpisode(episode);
        }

        return inference;
    }

    private Record Emit(ScheduledEvent due) => due.Kind switch
    {
        ScheduledEventKind.EvaluationRunStart => new Record { EvaluationRun = _runs.Start(due) },
        ScheduledEventKind.EvaluationTrial => new Record { EvaluationTrial = _runs.Trial(due) },
        ScheduledEventKind.InferenceEvaluation or ScheduledEventKind.SessionEvaluation => new Record { InferenceEvaluation = _evaluations.Create(due) },
        _ => new Record { Feedback = _feedback.Create(due) },
    };
}
