using InferenceGrpc.Contracts.V1;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// The metrics view of inferences (api-compat-spec 6.4) as its own narrow table, clustered by
/// (tenant, created_ms, id): a metrics query over a time window reads one contiguous key range
/// of small rows and never touches the protobuf bodies in <c>inferences</c>.
/// <c>inference_team_metrics</c> is the same view with the teams unnested, one row per team of
/// each inference (one row with a null team when it has none): grouping by team scans it as it
/// scans the other, where a join to a teams table costs a key probe per row (3-4x the scan).
/// The price is a second copy of the view's columns per team (about 150 bytes a row).
/// </summary>
internal static class SqliteMetricsProjection
{
    /// <summary>The view's columns after the key, in both tables.</summary>
    public const string Columns = """
        deleted_ms, model_name, virtual_model_name, request_type, subject_slug, subject_type, session_id, trace_id,
        latency_ms, ttft_ms, inter_token_latency_ms, time_per_output_token_ms, input_tokens, output_tokens, cost_usd
        """;

    /// <summary>Schema version 5.</summary>
    public const string Schema = $"""
        CREATE TABLE inference_metrics (
          tenant TEXT NOT NULL, created_ms INTEGER NOT NULL, id BLOB NOT NULL,
          {ColumnDefinitions},
          PRIMARY KEY (tenant, created_ms, id)
        ) WITHOUT ROWID;
        -- Rewriting an inference finds its old row by id, whatever its old time was.
        CREATE UNIQUE INDEX inference_metrics_by_id ON inference_metrics (tenant, id);

        -- The same columns, a row per team; team_index numbers an inference's teams from 0.
        CREATE TABLE inference_team_metrics (
          tenant TEXT NOT NULL, created_ms INTEGER NOT NULL, id BLOB NOT NULL, team_index INTEGER NOT NULL, team TEXT,
          {ColumnDefinitions},
          PRIMARY KEY (tenant, created_ms, id, team_index)
        ) WITHOUT ROWID;
        """;

    // In the order of Columns. subject_type is 'user' or 'virtualaccount'.
    private const string ColumnDefinitions = """
        deleted_ms INTEGER, model_name TEXT, virtual_model_name TEXT, request_type TEXT, subject_slug TEXT,
          subject_type TEXT, session_id TEXT, trace_id TEXT, latency_ms REAL, ttft_ms REAL, inter_token_latency_ms REAL,
          time_per_output_token_ms REAL, input_tokens INTEGER, output_tokens INTEGER, cost_usd REAL
        """;

    /// <summary>Fills the new tables from the bodies of the inferences stored before version 5.</summary>
    public static void Backfill(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT tenant, body FROM inferences ORDER BY tenant";
        using var reader = read.ExecuteReader();
        SqliteRecordWriter? writer = null;
        try
        {
            while (reader.Read())
            {
                var tenant = reader.GetString(0);
                if (writer?.Tenant != tenant)
                {
                    writer?.Dispose();
                    writer = new SqliteRecordWriter(connection, transaction, tenant);
                }

                writer.WriteMetrics(Inference.Parser.ParseFrom((byte[])reader[1]));
            }
        }
        finally
        {
            writer?.Dispose();
        }
    }

    /// <summary>The stored form of a subject type, as TrueFoundry names it.</summary>
    public static object SubjectType(SubjectType type) => type switch
    {
        Contracts.V1.SubjectType.User => "user",
        Contracts.V1.SubjectType.VirtualAccount => "virtualaccount",
        _ => DBNull.Value,
    };
}
