using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Writes eval_results replies as Weave's FastAPI server sends them: its pydantic models'
/// field order, snake_case names, explicit nulls, Python number formatting. The cost fields
/// (Weave's newer include_costs) appear only when asked for, so the seed version's shape is
/// unchanged otherwise.
/// </summary>
internal static class WeaveResponseWriter
{
    /// <summary>{"rows", "total_rows", "summary", "warnings"}: a query reply, or one streamed page.</summary>
    public static string Write(IEnumerable<EvalResultsRow> rows, long totalRows, EvalResultsSummary? summary, IEnumerable<string> warnings, bool includeCosts)
    {
        var json = PythonJsonWriter.Response();
        json.StartObject();
        json.PropertyName("rows");
        json.StartArray();
        foreach (var row in rows)
        {
            Row(json, row, includeCosts);
        }

        json.EndArray();
        json.PropertyName("total_rows");
        json.Integer(totalRows);
        json.PropertyName("summary");
        if (summary is null)
        {
            json.Null();
        }
        else
        {
            Summary(json, summary, includeCosts);
        }

        json.PropertyName("warnings");
        json.StartArray();
        foreach (var warning in warnings)
        {
            json.String(warning);
        }

        json.EndArray();
        json.EndObject();
        return json.ToString();
    }

    /// <summary>Python's datetime.isoformat() of an aware UTC time: microseconds only when not zero.</summary>
    public static string IsoFormat(Timestamp time)
    {
        var at = time.ToDateTime();
        var micros = time.Nanos / 1000;
        var text = at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return text + (micros == 0 ? string.Empty : "." + micros.ToString("000000", CultureInfo.InvariantCulture)) + "+00:00";
    }

    private static void Row(PythonJsonWriter json, EvalResultsRow row, bool includeCosts)
    {
        json.StartObject();
        json.PropertyName("row_digest");
        json.String(row.RowDigest);
        json.PropertyName("raw_data_row");
        json.Value(row.RawDataRow);
        json.PropertyName("evaluations");
        json.StartArray();
        foreach (var evaluation in row.Evaluations)
        {
            json.StartObject();
            json.PropertyName("evaluation_call_id");
            json.String(evaluation.EvaluationCallId);
            json.PropertyName("trials");
            json.StartArray();
            foreach (var trial in evaluation.Trials)
            {
                Trial(json, trial, includeCosts);
            }

            json.EndArray();
            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
    }

    private static void Trial(PythonJsonWriter json, EvalResultsTrial trial, bool includeCosts)
    {
        json.StartObject();
        json.PropertyName("predict_and_score_call_id");
        json.String(trial.PredictAndScoreCallId);
        json.PropertyName("predict_call_id");
        json.NullableString(trial.HasPredictCallId ? trial.PredictCallId : null);
        json.PropertyName("model_output");
        json.Value(trial.ModelOutput);
        json.PropertyName("scores");
        json.Object(trial.Scores);
        json.PropertyName("model_latency_seconds");
        json.NullableFloat(trial.HasModelLatencySeconds ? trial.ModelLatencySeconds : null);
        json.PropertyName("total_tokens");
        if (trial.HasTotalTokens)
        {
            json.Integer(trial.TotalTokens);
        }
        else
        {
            json.Null();
        }

        json.PropertyName("scorer_call_ids");
        json.StartObject();
        foreach (var (scorer, callId) in trial.ScorerCallIds)
        {
            json.PropertyName(scorer);
            json.String(callId);
        }

        json.EndObject();
        if (includeCosts)
        {
            json.PropertyName("total_cost");
            json.NullableFloat(trial.HasTotalCost ? trial.TotalCost : null);
        }

        json.EndObject();
    }

    private static void Summary(PythonJsonWriter json, EvalResultsSummary summary, bool includeCosts)
    {
        json.StartObject();
        json.PropertyName("row_count");
        json.Integer(summary.RowCount);
        json.PropertyName("evaluations");
        json.StartArray();
        foreach (var evaluation in summary.Evaluations)
        {
            json.StartObject();
            json.PropertyName("evaluation_call_id");
            json.String(evaluation.EvaluationCallId);
            json.PropertyName("trial_count");
            json.Integer(evaluation.TrialCount);
            json.PropertyName("scorer_stats");
            json.StartArray();
            foreach (var stats in evaluation.ScorerStats)
            {
                ScorerStats(json, stats);
            }

            json.EndArray();
            json.PropertyName("evaluation_ref");
            json.NullableString(evaluation.HasEvaluationRef ? evaluation.EvaluationRef : null);
            json.PropertyName("model_ref");
            json.NullableString(evaluation.HasModelRef ? evaluation.ModelRef : null);
            json.PropertyName("display_name");
            json.NullableString(evaluation.HasDisplayName ? evaluation.DisplayName : null);
            json.PropertyName("trace_id");
            json.NullableString(evaluation.HasTraceId ? evaluation.TraceId : null);
            json.PropertyName("started_at");
            json.NullableString(evaluation.StartedAt is null ? null : IsoFormat(evaluation.StartedAt));
            if (includeCosts)
            {
                json.PropertyName("predict_total_cost");
                json.NullableFloat(evaluation.HasPredictTotalCost ? evaluation.PredictTotalCost : null);
            }

            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
    }

    private static void ScorerStats(PythonJsonWriter json, EvalResultsScorerStats stats)
    {
        json.StartObject();
        json.PropertyName("scorer_key");
        json.String(stats.ScorerKey);
        json.PropertyName("path");
        json.NullableString(stats.HasPath ? stats.Path : null);
        json.PropertyName("value_type");
        json.String(stats.ValueType);
        json.PropertyName("trial_count");
        json.Integer(stats.TrialCount);
        json.PropertyName("numeric_count");
        json.Integer(stats.NumericCount);
        json.PropertyName("numeric_mean");
        json.NullableFloat(stats.HasNumericMean ? stats.NumericMean : null);
        json.PropertyName("pass_true_count");
        json.Integer(stats.PassTrueCount);
        json.PropertyName("pass_known_count");
        json.Integer(stats.PassKnownCount);
        json.PropertyName("pass_rate");
        json.NullableFloat(stats.HasPassRate ? stats.PassRate : null);
        json.PropertyName("pass_signal_coverage");
        json.NullableFloat(stats.HasPassSignalCoverage ? stats.PassSignalCoverage : null);
        json.EndObject();
    }
}
