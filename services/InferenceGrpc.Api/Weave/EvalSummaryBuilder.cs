using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// The summary over every selected row, never paged (api-compat-spec 3.3 step 8): one entry per
/// evaluation in the order first seen over the rows (sorted by digest), with its trial count,
/// its scorer statistics and the fields of its stored run; a run that is not stored leaves
/// those null.
/// </summary>
internal static class EvalSummaryBuilder
{
    public static EvalResultsSummary Build(IReadOnlyCollection<EvalResultsRow> rows, IReadOnlyDictionary<string, EvaluationRun> runs, bool includeCosts)
    {
        var evaluations = new Dictionary<string, (EvalResultsEvaluationSummary Summary, ScorerStatsAccumulator Stats)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var evaluation in rows.SelectMany(row => row.Evaluations))
        {
            if (!evaluations.TryGetValue(evaluation.EvaluationCallId, out var entry))
            {
                entry = (Describe(evaluation.EvaluationCallId, runs.GetValueOrDefault(evaluation.EvaluationCallId)), new ScorerStatsAccumulator());
                evaluations.Add(evaluation.EvaluationCallId, entry);
                order.Add(evaluation.EvaluationCallId);
            }

            foreach (var trial in evaluation.Trials)
            {
                entry.Summary.TrialCount++;
                foreach (var (scorer, score) in trial.Scores)
                {
                    entry.Stats.Add(scorer, score);
                }

                if (includeCosts && trial.HasTotalCost)
                {
                    entry.Summary.PredictTotalCost = (entry.Summary.HasPredictTotalCost ? entry.Summary.PredictTotalCost : 0.0) + trial.TotalCost;
                }
            }
        }

        var summary = new EvalResultsSummary { RowCount = rows.Count };
        foreach (var id in order)
        {
            var (evaluation, stats) = evaluations[id];
            evaluation.ScorerStats.AddRange(stats.Finish());
            summary.Evaluations.Add(evaluation);
        }

        return summary;
    }

    /// <summary>An evaluation's entry with what its root call (our stored run) says; empty fields are null.</summary>
    private static EvalResultsEvaluationSummary Describe(string id, EvaluationRun? run)
    {
        var summary = new EvalResultsEvaluationSummary { EvaluationCallId = id };
        if (run is null)
        {
            return summary;
        }

        if (run.EvaluationRef.Length > 0)
        {
            summary.EvaluationRef = run.EvaluationRef;
        }

        if (run.ModelRef.Length > 0)
        {
            summary.ModelRef = run.ModelRef;
        }

        if (run.DisplayName.Length > 0)
        {
            summary.DisplayName = run.DisplayName;
        }

        if (run.TraceId.Length > 0)
        {
            summary.TraceId = run.TraceId;
        }

        summary.StartedAt = run.StartTime;
        return summary;
    }
}
