using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// Hands out open connections to the database file and takes them back. Each connection is set
/// up once (per-connection pragmas cost a round of statements, too much to repeat per query).
/// WAL lets readers run while one writer commits; synchronous=FULL makes a commit durable
/// before it returns, which is what "acknowledged only once durable" means.
/// </summary>
internal sealed class SqliteConnectionFactory : IDisposable
{
    private const int MaxIdle = 32;
    private const string PerConnectionPragmas =
        "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 268435456;";

    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];

    public SqliteConnectionFactory(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = false,
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();

        using var connection = Create();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        SqliteSchema.Migrate(connection);
    }

    /// <summary>An open connection; dispose the lease to give it back.</summary>
    public Lease Open() => new(this, _idle.TryTake(out var connection) ? connection : Create());

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private SqliteConnection Create()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, PerConnectionPragmas);
        SqlitePercentileAggregate.Register(connection);
        return connection;
    }

    private void Return(SqliteConnection connection)
    {
        if (_idle.Count < MaxIdle && connection.State == System.Data.ConnectionState.Open)
        {
            _idle.Add(connection);
            return;
        }

        connection.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A borrowed connection.</summary>
    internal readonly struct Lease(SqliteConnectionFactory owner, SqliteConnection connection) : IDisposable
    {
        public SqliteConnection Connection => connection;

        public void Dispose() => owner.Return(connection);
    }
}
