using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Api.TensorZero;
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
    /// <summary>{"rows", "total_rows", "summary", "warnings"} as UTF-8: a query reply, or one streamed page.</summary>
    public static ReadOnlyMemory<byte> Write(IEnumerable<EvalResultsRow> rows, long totalRows, EvalResultsSummary? summary, IEnumerable<string> warnings, bool includeCosts)
    {
        var json = new SerdeJsonWriter(PythonJson.Response);
        json.StartObject();
        json.PropertyName("rows");
        json.StartArray();
        foreach (var row in rows)
        {
            Row(json, row, includeCosts);
        }

        json.EndArray();
        json.Property("total_rows", totalRows);
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
        return json.WrittenMemory;
    }

    /// <summary>Python's datetime.isoformat() of an aware UTC time: microseconds only when not zero.</summary>
    public static string IsoFormat(Timestamp time)
    {
        var micros = time.Nanos / 1000;
        var text = time.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return text + (micros == 0 ? string.Empty : "." + micros.ToString("000000", CultureInfo.InvariantCulture)) + "+00:00";
    }

    private static void Row(SerdeJsonWriter json, EvalResultsRow row, bool includeCosts)
    {
        json.StartObject();
        json.Property("row_digest", row.RowDigest);
        json.PropertyName("raw_data_row");
        json.Value(row.RawDataRow);
        json.PropertyName("evaluations");
        json.StartArray();
        foreach (var evaluation in row.Evaluations)
        {
            json.StartObject();
            json.Property("evaluation_call_id", evaluation.EvaluationCallId);
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

    private static void Trial(SerdeJsonWriter json, EvalResultsTrial trial, bool includeCosts)
    {
        json.StartObject();
        json.Property("predict_and_score_call_id", trial.PredictAndScoreCallId);
        json.Property("predict_call_id", trial.HasPredictCallId ? trial.PredictCallId : null);
        json.PropertyName("model_output");
        json.Value(trial.ModelOutput);
        json.PropertyName("scores");
        json.Object(trial.Scores);
        json.FloatProperty("model_latency_seconds", trial.HasModelLatencySeconds ? trial.ModelLatencySeconds : null);
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
            json.Property(scorer, callId);
        }

        json.EndObject();
        if (includeCosts)
        {
            json.FloatProperty("total_cost", trial.HasTotalCost ? trial.TotalCost : null);
        }

        json.EndObject();
    }

    private static void Summary(SerdeJsonWriter json, EvalResultsSummary summary, bool includeCosts)
    {
        json.StartObject();
        json.Property("row_count", summary.RowCount);
        json.PropertyName("evaluations");
        json.StartArray();
        foreach (var evaluation in summary.Evaluations)
        {
            json.StartObject();
            json.Property("evaluation_call_id", evaluation.EvaluationCallId);
            json.Property("trial_count", evaluation.TrialCount);
            json.PropertyName("scorer_stats");
            json.StartArray();
            foreach (var stats in evaluation.ScorerStats)
            {
                ScorerStats(json, stats);
            }

            json.EndArray();
            json.Property("evaluation_ref", evaluation.HasEvaluationRef ? evaluation.EvaluationRef : null);
            json.Property("model_ref", evaluation.HasModelRef ? evaluation.ModelRef : null);
            json.Property("display_name", evaluation.HasDisplayName ? evaluation.DisplayName : null);
            json.Property("trace_id", evaluation.HasTraceId ? evaluation.TraceId : null);
            json.Property("started_at", evaluation.StartedAt is null ? null : IsoFormat(evaluation.StartedAt));
            if (includeCosts)
            {
                json.FloatProperty("predict_total_cost", evaluation.HasPredictTotalCost ? evaluation.PredictTotalCost : null);
            }

            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
    }

    private static void ScorerStats(SerdeJsonWriter json, EvalResultsScorerStats stats)
    {
        json.StartObject();
        json.Property("scorer_key", stats.ScorerKey);
        json.Property("path", stats.HasPath ? stats.Path : null);
        json.Property("value_type", stats.ValueType);
        json.Property("trial_count", stats.TrialCount);
        json.Property("numeric_count", stats.NumericCount);
        json.FloatProperty("numeric_mean", stats.HasNumericMean ? stats.NumericMean : null);
        json.Property("pass_true_count", stats.PassTrueCount);
        json.Property("pass_known_count", stats.PassKnownCount);
        json.FloatProperty("pass_rate", stats.HasPassRate ? stats.PassRate : null);
        json.FloatProperty("pass_signal_coverage", stats.HasPassSignalCoverage ? stats.PassSignalCoverage : null);
        json.EndObject();
    }
}
