using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// One schema step: its DDL, and optionally a backfill that fills what the DDL added from the
/// rows already stored, in the same transaction, for data only C# can read (the protobuf body).
/// Plain DDL steps are written as strings.
/// </summary>
internal sealed record SqliteMigration(string Sql, Action<SqliteConnection, SqliteTransaction>? Backfill = null)
{
    public static implicit operator SqliteMigration(string sql) => new(sql);
}
