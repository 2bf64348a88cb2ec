using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// The schema, versioned by <c>PRAGMA user_version</c>: each migration runs once, in order, in
/// its own transaction. Every table leads with the tenant, and so does every index, so each
/// query path is an index range within one tenant.
/// </summary>
internal static class SqliteSchema
{
    private static readonly SqliteMigration[] Migrations =
    [
        """
        CREATE TABLE inferences (
          tenant TEXT NOT NULL,
          id BLOB NOT NULL,                 -- UUIDv7, 16 big-endian bytes: byte order is time order
          created_ms INTEGER NOT NULL,      -- Unix milliseconds
          deleted_ms INTEGER,
          external_id TEXT,
          episode_id BLOB,
          session_id TEXT,
          turn_index INTEGER,
          function_name TEXT NOT NULL,
          variant_name TEXT NOT NULL,
          model_name TEXT,
          latency_ms REAL,
          search_text TEXT NOT NULL,        -- lower-cased input and output JSON, for substring search
          body BLOB NOT NULL                -- the whole record as protobuf
        );
        CREATE UNIQUE INDEX inferences_by_id ON inferences (tenant, id);
        CREATE INDEX inferences_by_function ON inferences (tenant, function_name, variant_name, id);
        CREATE INDEX inferences_by_episode ON inferences (tenant, episode_id, id);
        CREATE INDEX inferences_by_session ON inferences (tenant, session_id, turn_index);
        CREATE INDEX inferences_by_external_id ON inferences (tenant, external_id);
        CREATE INDEX inferences_by_second ON inferences (tenant, created_ms / 1000, id);

        CREATE TABLE inference_tags (
          tenant TEXT NOT NULL, inference_id BLOB NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
          PRIMARY KEY (tenant, inference_id, key)
        ) WITHOUT ROWID;
        CREATE INDEX inference_tags_by_value ON inference_tags (tenant, key, value);

        CREATE TABLE feedback (
          tenant TEXT NOT NULL, id BLOB NOT NULL, target_id BLOB NOT NULL, created_ms INTEGER NOT NULL, body BLOB NOT NULL,
          PRIMARY KEY (tenant, id)
        );
        CREATE INDEX feedback_by_target ON feedback (tenant, target_id);

        -- The latest value per (metric, target): what filters and orderings compare.
        CREATE TABLE latest_metrics (
          tenant TEXT NOT NULL, metric_name TEXT NOT NULL, target_id BLOB NOT NULL,
          value REAL NOT NULL, created_ms INTEGER NOT NULL, feedback_id BLOB NOT NULL,
          PRIMARY KEY (tenant, metric_name, target_id)
        ) WITHOUT ROWID;

        -- The latest demonstration per inference.
        CREATE TABLE latest_demonstrations (
          tenant TEXT NOT NULL, inference_id BLOB NOT NULL,
          value TEXT NOT NULL, created_ms INTEGER NOT NULL, feedback_id BLOB NOT NULL,
          PRIMARY KEY (tenant, inference_id)
        ) WITHOUT ROWID;

        CREATE TABLE metric_definitions (
          tenant TEXT NOT NULL, name TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (tenant, name)
        ) WITHOUT ROWID;

        CREATE TABLE evaluation_runs (
          tenant TEXT NOT NULL, id TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (tenant, id)
        );
        CREATE TABLE evaluation_trials (
          tenant TEXT NOT NULL, id TEXT NOT NULL, run_id TEXT NOT NULL, start_ms INTEGER NOT NULL, body BLOB NOT NULL,
          PRIMARY KEY (tenant, id)
        );
        CREATE INDEX evaluation_trials_by_run ON evaluation_trials (tenant, run_id, start_ms);
        CREATE TABLE inference_evaluations (
          tenant TEXT NOT NULL, id TEXT NOT NULL, inference_id BLOB, session_id TEXT, body BLOB NOT NULL,
          PRIMARY KEY (tenant, id)
        );
        """,
        """
        -- "One function, newest first" walks this index in id order and stops after the page;
        -- the (function, variant, id) index cannot give id order across variants.
        CREATE INDEX inferences_by_function_id ON inferences (tenant, function_name, id);
        """,
        """
        -- API keys, found by the hash of the secret before the tenant is known; listed and
        -- revoked per tenant.
        CREATE TABLE api_keys (
          secret_hash TEXT NOT NULL PRIMARY KEY, id TEXT NOT NULL UNIQUE, tenant TEXT NOT NULL,
          role INTEGER NOT NULL, name TEXT NOT NULL, created_ms INTEGER NOT NULL, revoked_ms INTEGER
        );
        CREATE INDEX api_keys_by_tenant ON api_keys (tenant, created_ms);
        """,
        """
        -- Galtea's exact createdAt order (its default, then the turn index) walks this index and
        -- sorts only rows of equal time, instead of sorting the whole tenant for every page.
        CREATE INDEX inferences_by_created ON inferences (tenant, created_ms);
        """,
        new(SqliteMetricsProjection.Schema, SqliteMetricsProjection.Backfill),
    ];

    public static int Version => Migrations.Length;

    /// <summary>Brings the database up to <see cref="Version"/>; refuses a newer database.</summary>
    public static void Migrate(SqliteConnection connection) => Migrate(connection, Version);

    /// <summary>Brings the database up to <paramref name="target"/> (tests start from older versions).</summary>
    internal static void Migrate(SqliteConnection connection, int target)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Version)
        {
            throw new InvalidOperationException($"The database schema is version {current}, newer than this build knows ({Version}); upgrade the service.");
        }

        for (var version = current; version < target; version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Migrations[version].Sql + $"\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
            }

            Migrations[version].Backfill?.Invoke(connection, transaction);
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
