using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// Opens pooled connections to the database file with the settings every connection needs.
/// WAL lets readers run while one writer commits; synchronous=FULL makes a commit durable
/// before it returns, which is what "acknowledged only once durable" means.
/// </summary>
internal sealed class SqliteConnectionFactory
{
    private const string PerConnectionPragmas =
        "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 268435456;";

    private readonly string _connectionString;

    public SqliteConnectionFactory(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = true,
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        SqliteSchema.Migrate(connection);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, PerConnectionPragmas);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
