using System.Globalization;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Weave-like evaluation runs over <see cref="EvaluationDataset"/>: three runs per 100,000
/// inferences (at least two), spread over the window, each cycling to the next model. A run
/// scores every row, a few rows twice (retries), and most runs skip a few rows, so
/// "require_intersection" drops rows. Trials are emitted one at a time as they come due.
/// </summary>
internal sealed class EvaluationRunSimulator(Random random, SeededUuid7Factory ids, EventQueue queue)
{
    private const string Project = "weave:///acme/support-bot/object/";
    private const double RetryShare = 0.1;
    private static readonly long MaxRunMs = (long)TimeSpan.FromMinutes(10).TotalMilliseconds;

    private readonly Dictionary<int, EvaluationRunState> _active = [];

    public static int RunCount(int inferences) => Math.Max(2, (int)Math.Round(3.0 * inferences / 100_000));

    public void ScheduleRuns(long windowStartMs, long windowEndMs, int inferences)
    {
        var count = RunCount(inferences);
        var length = windowEndMs - windowStartMs;
        for (var run = 0; run < count; run++)
        {
            var start = Math.Min(windowStartMs + (long)((run + 0.5) / count * length), windowEndMs - MaxRunMs);
            queue.Schedule(new ScheduledEvent(start, ScheduledEventKind.EvaluationRunStart, Guid.Empty, run, 0));
        }
    }

    public EvaluationRun Start(ScheduledEvent due)
    {
        var run = due.Detail;
        var model = ModelCatalog.ChatModels[run % ModelCatalog.ChatModels.Count];
        var state = new EvaluationRunState(ids.Next(due.TimeMs).ToString("D"), model, PlanTrials(run, due.TimeMs));
        _active[run] = state;
        queue.Schedule(new ScheduledEvent(state.Trials[0].TimeMs, ScheduledEventKind.EvaluationTrial, Guid.Empty, run, 0));

        var modelName = model.Name[(model.Name.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var version = 1 + (run / ModelCatalog.ChatModels.Count);
        return new EvaluationRun
        {
            Id = state.Id,
            EvaluationRef = Project + "SupportQaEval:v" + version.ToString(CultureInfo.InvariantCulture),
            ModelRef = Project + "SupportModel-" + modelName + ":v" + version.ToString(CultureInfo.InvariantCulture),
            DisplayName = "support-qa " + modelName + " #" + (run + 1).ToString(CultureInfo.InvariantCulture),
            TraceId = random.NextHex(32),
            StartTime = InferenceFactory.ToTimestamp(due.TimeMs),
            EndTime = InferenceFactory.ToTimestamp(state.Trials[^1].TimeMs + 5_000),
        };
    }

    public EvaluationTrial Trial(ScheduledEvent due)
    {
        var state = _active[due.Detail];
        var (row, timeMs) = state.Trials[state.Next++];
        if (state.Next < state.Trials.Count)
        {
            queue.Schedule(new ScheduledEvent(state.Trials[state.Next].TimeMs, ScheduledEventKind.EvaluationTrial, Guid.Empty, due.Detail, 0));
        }
        else
        {
            _active.Remove(due.Detail);
        }

        var trial = new EvaluationTrial
        {
            Id = ids.Next(timeMs).ToString("D"),
            EvaluationRunId = state.Id,
            Example = EvaluationDataset.Rows[row].Clone(),
            PredictCallId = ids.Next(timeMs).ToString("D"),
            StartTime = InferenceFactory.ToTimestamp(timeMs),
        };

        var (output, scores) = TrialScorer.Score(state.Model, row, random);
        trial.ModelOutput = output;
        foreach (var (scorer, score) in scores)
        {
            trial.Scores.Add(scorer, score);
            trial.ScorerCallIds.Add(scorer, ids.Next(timeMs).ToString("D"));
        }

        var tokens = (long)random.NextLogNormal(220, 0.35);
        trial.TotalTokens = tokens;
        trial.TotalCost = Math.Round(tokens * (state.Model.CostPerInputToken + state.Model.CostPerOutputToken) / 2, 9);
        trial.ModelLatencySeconds = Math.Round(random.NextLogNormal((state.Model.TtftMedianMs / 1000) + 1.2, 0.35), 3);
        return trial;
    }

    /// <summary>
    /// The rows in start order: all rows but a few skipped (odd runs always skip at least one),
    /// then the retried rows again.
    /// </summary>
    private List<(int Row, long TimeMs)> PlanTrials(int run, long startMs)
    {
        var rows = Enumerable.Range(0, EvaluationDataset.Rows.Count).ToList();
        var skipped = (run % 2 == 1 ? 1 : 0) + random.Next(3);
        for (var i = 0; i < skipped; i++)
        {
            rows.RemoveAt(random.Next(rows.Count));
        }

        rows.AddRange(rows.Where(_ => random.Chance(RetryShare)).ToList());
        var trials = new List<(int Row, long TimeMs)>(rows.Count);
        var time = startMs;
        foreach (var row in rows)
        {
            time += 500 + random.Next(3_500);
            trials.Add((row, time));
        }

        return trials;
    }
}
