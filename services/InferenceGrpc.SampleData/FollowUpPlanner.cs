using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Decides, when an inference or episode is generated, which feedback and evaluations will
/// follow and when. About 30% of inferences get feedback: human metrics (some revised later,
/// so "latest wins" matters), automated latency checks, demonstrations and comments. Values
/// follow the inference's quality, so good variants score better.
/// </summary>
internal sealed class FollowUpPlanner(Random random, EventQueue queue)
{
    private const double HumanFeedbackShare = 0.22;
    private const double LatencyCheckShare = 0.08;
    private const double DemonstrationShare = 0.03;
    private const double CommentShare = 0.01;
    private const double RevisionShare = 0.12;
    private const double EpisodeFeedbackShare = 0.15;
    private const double SessionInferenceEvaluationShare = 0.15;
    private const double OtherInferenceEvaluationShare = 0.02;
    private const double SessionEvaluationShare = 0.2;

    private static readonly long MaxDelayMs = (long)TimeSpan.FromDays(2).TotalMilliseconds;

    public void PlanInference(InferenceOutcome outcome, bool inSession)
    {
        if (outcome.Status == InferenceStatus.Pending || outcome.FunctionIndex == FunctionCatalog.IndexOf(FunctionCatalog.Embedding))
        {
            return;
        }

        var success = outcome.Status == InferenceStatus.Success;
        if (random.Chance(HumanFeedbackShare))
        {
            PlanHumanMetrics(outcome, success);
        }

        if (outcome.LatencyOk is { } latencyOk && random.Chance(LatencyCheckShare))
        {
            // An automated check, seconds after the call, never revised.
            Schedule(outcome.TimeMs + 1_000 + random.Next(9_000), ScheduledEventKind.InferenceMetric, outcome.Id, MetricCatalog.LatencyOk, latencyOk ? 1 : 0);
        }

        if (success && random.Chance(DemonstrationShare))
        {
            Schedule(outcome.TimeMs + Delay(TimeSpan.FromHours(6), 1.0), ScheduledEventKind.Demonstration, outcome.Id, outcome.FunctionIndex, 0);
        }

        if (random.Chance(CommentShare))
        {
            Schedule(outcome.TimeMs + Delay(TimeSpan.FromMinutes(20), 1.2), ScheduledEventKind.Comment, outcome.Id, 0, 0);
        }

        if (success && random.Chance(inSession ? SessionInferenceEvaluationShare : OtherInferenceEvaluationShare))
        {
            PlanInferenceEvaluations(outcome);
        }
    }

    public void PlanEpisode(Episode episode)
    {
        var quality = episode.QualitySum / Math.Max(1, episode.Steps);
        if (random.Chance(EpisodeFeedbackShare))
        {
            var time = episode.LastTimeMs + Delay(TimeSpan.FromMinutes(10), 1.3);
            Schedule(time, ScheduledEventKind.EpisodeMetric, episode.Id, MetricCatalog.TaskSuccess, random.Chance(quality) ? 1 : 0);
            if (random.Chance(RevisionShare))
            {
                Schedule(time + Delay(TimeSpan.FromHours(3), 1.0), ScheduledEventKind.EpisodeMetric, episode.Id, MetricCatalog.TaskSuccess, random.Chance(quality) ? 1 : 0);
            }
        }

        if (episode.SessionId is not null && random.Chance(SessionEvaluationShare))
        {
            var score = Math.Round(Math.Clamp(quality + (0.1 * random.NextGaussian()), 0, 1), 3);
            Schedule(episode.LastTimeMs + Delay(TimeSpan.FromMinutes(5), 1.0), ScheduledEventKind.SessionEvaluation, episode.Id, 0, score);
        }
    }

    private void PlanHumanMetrics(InferenceOutcome outcome, bool success)
    {
        var planned = false;
        if (random.Chance(0.45))
        {
            PlanWithRevision(outcome, MetricCatalog.UserRating, () => Math.Clamp(Math.Round(1 + (4 * (Effective(outcome, success) + (0.15 * random.NextGaussian())))), 1, 5));
            planned = true;
        }

        if (random.Chance(0.3))
        {
            PlanWithRevision(outcome, MetricCatalog.Helpfulness, () => Math.Round(Math.Clamp(Effective(outcome, success) + (0.15 * random.NextGaussian()), 0, 1), 2));
            planned = true;
        }

        if (!planned || random.Chance(0.4))
        {
            PlanWithRevision(outcome, MetricCatalog.ThumbsUp, () => random.Chance(Effective(outcome, success)) ? 1 : 0);
        }
    }

    /// <summary>Schedules a metric value and, sometimes, a later change of mind.</summary>
    private void PlanWithRevision(InferenceOutcome outcome, int metric, Func<double> value)
    {
        var time = outcome.TimeMs + Delay(TimeSpan.FromMinutes(4), 1.3);
        Schedule(time, ScheduledEventKind.InferenceMetric, outcome.Id, metric, value());
        if (random.Chance(RevisionShare))
        {
            Schedule(time + Delay(TimeSpan.FromHours(2), 1.0), ScheduledEventKind.InferenceMetric, outcome.Id, metric, value());
        }
    }

    private void PlanInferenceEvaluations(InferenceOutcome outcome)
    {
        var metrics = MetricCatalog.InferenceEvaluationMetrics;
        var first = random.Next(metrics.Count);
        var count = random.Chance(0.4) ? 2 : 1;
        for (var i = 0; i < count; i++)
        {
            var metric = (first + i) % metrics.Count;
            var isToxicity = metric == metrics.Count - 1;
            var score = isToxicity
                ? Math.Round(Math.Min(1, 0.03 * Math.Abs(random.NextGaussian())), 3)
                : Math.Round(Math.Clamp(outcome.Quality + (0.1 * random.NextGaussian()), 0, 1), 3);
            Schedule(outcome.TimeMs + Delay(TimeSpan.FromMinutes(2), 1.0), ScheduledEventKind.InferenceEvaluation, outcome.Id, metric, score);
        }
    }

    private static double Effective(InferenceOutcome outcome, bool success) => success ? outcome.Quality : 0.1;

    /// <summary>A log-normal delay of at least a second and at most two days.</summary>
    private long Delay(TimeSpan median, double sigma) =>
        Math.Clamp((long)random.NextLogNormal(median.TotalMilliseconds, sigma), 1_000, MaxDelayMs);

    private void Schedule(long timeMs, ScheduledEventKind kind, Guid target, int detail, double value) =>
        queue.Schedule(new ScheduledEvent(timeMs, kind, target, detail, value));
}
