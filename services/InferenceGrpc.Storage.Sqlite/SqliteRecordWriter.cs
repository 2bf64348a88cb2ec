using InferenceGrpc.Contracts.V1;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// Writes one batch inside one transaction with prepared statements, one per kind, reused for
/// every row. Writing a record again replaces it; feedback also advances the latest value of
/// its metric or demonstration when it is newer (by time, then id) than what is there.
/// </summary>
internal sealed class SqliteRecordWriter(SqliteConnection connection, SqliteTransaction transaction, string tenant) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];

    public string Tenant => tenant;

    public void Write(RecordBatch batch)
    {
        foreach (var metric in batch.MetricDefinitions)
        {
            Run("INSERT OR REPLACE INTO metric_definitions (tenant, name, body) VALUES ($tenant, $p0, $p1)", metric.Name, SqliteValues.Body(metric));
        }

        foreach (var inference in batch.Inferences)
        {
            WriteInference(inference);
        }

        foreach (var feedback in batch.Feedback)
        {
            WriteFeedback(feedback);
        }

        foreach (var run in batch.EvaluationRuns)
        {
            Run("INSERT OR REPLACE INTO evaluation_runs (tenant, id, body) VALUES ($tenant, $p0, $p1)", run.Id, SqliteValues.Body(run));
        }

        foreach (var trial in batch.EvaluationTrials)
        {
            Run("INSERT OR REPLACE INTO evaluation_trials (tenant, id, run_id, start_ms, body) VALUES ($tenant, $p0, $p1, $p2, $p3)",
                trial.Id, trial.EvaluationRunId, trial.StartTime is null ? 0L : SqliteValues.Milliseconds(trial.StartTime), SqliteValues.Body(trial));
        }

        foreach (var evaluation in batch.InferenceEvaluations)
        {
            Run("INSERT OR REPLACE INTO inference_evaluations (tenant, id, inference_id, session_id, body) VALUES ($tenant, $p0, $p1, $p2, $p3)",
                evaluation.Id, SqliteValues.OptionalId(evaluation.InferenceId), SqliteValues.Text(evaluation.SessionId), SqliteValues.Body(evaluation));
        }
    }

    private void WriteInference(Inference inference)
    {
        var id = SqliteValues.Id(inference.Id);
        Run("""
            INSERT INTO inferences (tenant, id, created_ms, deleted_ms, external_id, episode_id, session_id, turn_index,
              function_name, variant_name, model_name, latency_ms, search_text, body)
            VALUES ($tenant, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12)
            ON CONFLICT (tenant, id) DO UPDATE SET created_ms = excluded.created_ms, deleted_ms = excluded.deleted_ms,
              external_id = excluded.external_id, episode_id = excluded.episode_id, session_id = excluded.session_id,
              turn_index = excluded.turn_index, function_name = excluded.function_name, variant_name = excluded.variant_name,
              model_name = excluded.model_name, latency_ms = excluded.latency_ms, search_text = excluded.search_text, body = excluded.body
            """,
            id,
            SqliteValues.Milliseconds(inference.CreateTime),
            SqliteValues.OptionalMilliseconds(inference.DeleteTime),
            SqliteValues.Text(inference.ExternalId),
            SqliteValues.OptionalId(inference.EpisodeId),
            SqliteValues.Text(inference.SessionId),
            inference.HasTurnIndex ? inference.TurnIndex : DBNull.Value,
            inference.FunctionName,
            inference.VariantName,
            SqliteValues.Text(inference.ModelName),
            inference.HasLatencyMs ? inference.LatencyMs : DBNull.Value,
            SearchText.Of(inference),
            SqliteValues.Body(inference));

        Run("DELETE FROM inference_tags WHERE tenant = $tenant AND inference_id = $p0", id);
        foreach (var (key, value) in inference.Tags)
        {
            Run("INSERT INTO inference_tags (tenant, inference_id, key, value) VALUES ($tenant, $p0, $p1, $p2)", id, key, value);
        }

        WriteMetrics(inference);
    }

    /// <summary>Replaces the inference's rows of the metrics view (see <see cref="SqliteMetricsProjection"/>).</summary>
    public void WriteMetrics(Inference inference)
    {
        var id = SqliteValues.Id(inference.Id);
        // The old rows are found by the old time, which the by-id index of inference_metrics gives.
        Run("""
            DELETE FROM inference_team_metrics WHERE tenant = $tenant AND id = $p0
              AND created_ms = (SELECT created_ms FROM inference_metrics WHERE tenant = $tenant AND id = $p0)
            """, id);
        Run("DELETE FROM inference_metrics WHERE tenant = $tenant AND id = $p0", id);
        Run($"""
            INSERT INTO inference_metrics (tenant, created_ms, id, {SqliteMetricsProjection.Columns})
            VALUES ($tenant, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16)
            """,
            SqliteValues.Milliseconds(inference.CreateTime),
            id,
            SqliteValues.OptionalMilliseconds(inference.DeleteTime),
            SqliteValues.Text(inference.ModelName),
            SqliteValues.Text(inference.VirtualModelName),
            SqliteValues.Text(inference.RequestType),
            SqliteValues.Text(inference.SubjectSlug),
            SqliteMetricsProjection.SubjectType(inference.SubjectType),
            SqliteValues.Text(inference.SessionId),
            SqliteValues.Text(inference.TraceId),
            inference.HasLatencyMs ? inference.LatencyMs : DBNull.Value,
            inference.HasTtftMs ? inference.TtftMs : DBNull.Value,
            inference.HasInterTokenLatencyMs ? inference.InterTokenLatencyMs : DBNull.Value,
            inference.HasTimePerOutputTokenMs ? inference.TimePerOutputTokenMs : DBNull.Value,
            inference.HasInputTokens ? inference.InputTokens : DBNull.Value,
            inference.HasOutputTokens ? inference.OutputTokens : DBNull.Value,
            inference.HasCostUsd ? inference.CostUsd : DBNull.Value);

        // A row per team, copied from the row just written; one null-team row when there are none.
        var teams = inference.Teams.Distinct(StringComparer.Ordinal).Select(t => (object)t).DefaultIfEmpty(DBNull.Value);
        foreach (var (team, index) in teams.Select((t, i) => (t, i)))
        {
            Run($"""
                INSERT INTO inference_team_metrics (tenant, created_ms, id, team_index, team, {SqliteMetricsProjection.Columns})
                SELECT tenant, created_ms, id, $p1, $p2, {SqliteMetricsProjection.Columns} FROM inference_metrics WHERE tenant = $tenant AND id = $p0
                """, id, index, team);
        }
    }

    private void WriteFeedback(Feedback feedback)
    {
        var id = SqliteValues.Id(feedback.Id);
        var target = SqliteValues.Id(feedback.TargetId);
        var created = SqliteValues.Milliseconds(feedback.CreateTime);
        Run("INSERT OR REPLACE INTO feedback (tenant, id, target_id, created_ms, body) VALUES ($tenant, $p0, $p1, $p2, $p3)",
            id, target, created, SqliteValues.Body(feedback));

        // "Newer" is (time, id), so replaying the same feedback is a no-op and ties are decided by id.
        const string Newer = "WHERE excluded.created_ms > created_ms OR (excluded.created_ms = created_ms AND excluded.feedback_id >= feedback_id)";
        switch (feedback.ValueCase)
        {
            case Feedback.ValueOneofCase.FloatValue or Feedback.ValueOneofCase.BooleanValue:
                var value = feedback.ValueCase == Feedback.ValueOneofCase.FloatValue ? feedback.FloatValue : (feedback.BooleanValue ? 1.0 : 0.0);
                Run($"""
                    INSERT INTO latest_metrics (tenant, metric_name, target_id, value, created_ms, feedback_id) VALUES ($tenant, $p0, $p1, $p2, $p3, $p4)
                    ON CONFLICT (tenant, metric_name, target_id) DO UPDATE SET value = excluded.value, created_ms = excluded.created_ms, feedback_id = excluded.feedback_id
                    {Newer}
                    """, feedback.MetricName, target, value, created, id);
                break;
            case Feedback.ValueOneofCase.Demonstration:
                Run($"""
                    INSERT INTO latest_demonstrations (tenant, inference_id, value, created_ms, feedback_id) VALUES ($tenant, $p0, $p1, $p2, $p3)
                    ON CONFLICT (tenant, inference_id) DO UPDATE SET value = excluded.value, created_ms = excluded.created_ms, feedback_id = excluded.feedback_id
                    {Newer}
                    """, target, SqliteValues.Json(feedback.Demonstration), created, id);
                break;
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    /// <summary>Runs a statement, preparing it on first use; $tenant is always bound to this writer's tenant.</summary>
    private void Run(string sql, params object[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$tenant", tenant);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i, null));
            }

            command.Prepare();
            _commands[sql] = command;
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i + 1].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
