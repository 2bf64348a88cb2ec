using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Weave's grouping (api-compat-spec 3.3 steps 4 to 6): trials, already in start order, become
/// rows by row digest, each row's evaluations in the order of their first trial, each
/// evaluation's trials in start order. Our store keeps each trial (a Weave predict_and_score
/// call) with what Weave reads from its call tree already extracted at ingestion, so steps 2,
/// 3 and 6 are field reads: model_output is output.output, scores output.scores, predict_call_id
/// the predict child, scorer_call_ids the scorer children, latency and tokens the predict
/// child's.
/// </summary>
internal static class EvalRowGrouping
{
    public static List<EvalResultsRow> Group(IEnumerable<EvaluationTrial> trials, EvalResultsOptions options)
    {
        var rows = new Dictionary<string, EvalResultsRow>(StringComparer.Ordinal);
        var order = new List<EvalResultsRow>();
        foreach (var trial in trials)
        {
            var digest = RowDigest.Of(trial.Example);
            if (!rows.TryGetValue(digest, out var row))
            {
                row = new EvalResultsRow { RowDigest = digest, RawDataRow = options.IncludeRawDataRows ? trial.Example : null };
                rows.Add(digest, row);
                order.Add(row);
            }
            else if (options.IncludeRawDataRows && IsNone(row.RawDataRow) && !IsNone(trial.Example))
            {
                // The first example that is not None fills the row.
                row.RawDataRow = trial.Example;
            }

            var evaluation = row.Evaluations.FirstOrDefault(e => e.EvaluationCallId == trial.EvaluationRunId);
            if (evaluation is null)
            {
                evaluation = new EvalResultsRowEvaluation { EvaluationCallId = trial.EvaluationRunId };
                row.Evaluations.Add(evaluation);
            }

            evaluation.Trials.Add(Trial(trial, options));
        }

        return order;
    }

    /// <summary>Python's None: no value, or JSON null.</summary>
    public static bool IsNone(Value? value) => value is null || value.KindCase is Value.KindOneofCase.None or Value.KindOneofCase.NullValue;

    private static EvalResultsTrial Trial(EvaluationTrial trial, EvalResultsOptions options)
    {
        var result = new EvalResultsTrial
        {
            PredictAndScoreCallId = trial.Id,
            ModelOutput = trial.ModelOutput,
            Scores = { trial.Scores },
        };
        if (options.IncludeChildren)
        {
            // Without the children Weave finds no predict call and no scorer calls.
            if (trial.PredictCallId.Length > 0)
            {
                result.PredictCallId = trial.PredictCallId;
            }

            result.ScorerCallIds.Add(trial.ScorerCallIds);
        }

        if (trial.HasModelLatencySeconds)
        {
            result.ModelLatencySeconds = trial.ModelLatencySeconds;
        }

        if (trial.HasTotalTokens)
        {
            result.TotalTokens = trial.TotalTokens;
        }

        if (options.IncludeCosts && trial.HasTotalCost)
        {
            result.TotalCost = trial.TotalCost;
        }

        return result;
    }
}
