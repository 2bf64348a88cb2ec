using InferenceGrpc.Contracts.V1;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// The metrics view of inferences (api-compat-spec 6.4) as its own narrow table, clustered by
/// (tenant, created_ms, id): a metrics query over a time window reads one contiguous key range
/// of small rows and never touches the protobuf bodies in <c>inferences</c>. Teams get a table
/// of their own, so grouping by team is a join that unnests them.
/// </summary>
internal static class SqliteMetricsProjection
{
    /// <summary>Schema version 3.</summary>
    public const string Schema = """
        CREATE TABLE inference_metrics (
          tenant TEXT NOT NULL,
          created_ms INTEGER NOT NULL,
          id BLOB NOT NULL,
          deleted_ms INTEGER,
          model_name TEXT,
          virtual_model_name TEXT,
          request_type TEXT,
          subject_slug TEXT,
          subject_type TEXT,                -- 'user' or 'virtualaccount'
          session_id TEXT,
          trace_id TEXT,
          latency_ms REAL,
          ttft_ms REAL,
          inter_token_latency_ms REAL,
          time_per_output_token_ms REAL,
          input_tokens INTEGER,
          output_tokens INTEGER,
          cost_usd REAL,
          PRIMARY KEY (tenant, created_ms, id)
        ) WITHOUT ROWID;
        -- Rewriting an inference finds its old row by id, whatever its old time was.
        CREATE UNIQUE INDEX inference_metrics_by_id ON inference_metrics (tenant, id);

        CREATE TABLE inference_teams (
          tenant TEXT NOT NULL, inference_id BLOB NOT NULL, team TEXT NOT NULL,
          PRIMARY KEY (tenant, inference_id, team)
        ) WITHOUT ROWID;
        """;

    /// <summary>Fills the new tables from the bodies of the inferences stored before version 3.</summary>
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
