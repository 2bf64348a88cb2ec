using InferenceGrpc.Contracts.V1;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using InferenceGrpc.Storage.Query;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// The embedded store. Reads run concurrently on pooled connections; writes are serialized in
/// process (SQLite has one writer), each batch one durable transaction.
/// </summary>
public sealed class SqliteInferenceStore : IInferenceStore, IDisposable
{
    private readonly SqliteConnectionFactory _connections;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteInferenceStore(SqliteStoreOptions options)
    {
        DatabasePath = options.DatabasePath;
        _connections = new SqliteConnectionFactory(DatabasePath);
    }

    public string DatabasePath { get; }

    /// <summary>The connection pool, shared with the store's other facets (API keys, evaluations, metrics).</summary>
    internal SqliteConnectionFactory Connections => _connections;

    public async Task WriteAsync(TenantId tenant, RecordBatch batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var lease = _connections.Open();
        var connection = lease.Connection;
            using var transaction = connection.BeginTransaction();
            using (var writer = new SqliteRecordWriter(connection, transaction, tenant.Value))
            {
                writer.Write(batch);
            }

            transaction.Commit();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<InferenceResult>> GetInferencesAsync(TenantId tenant, IReadOnlyCollection<Guid> ids, OutputSource outputSource, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<InferenceResult>>([]);
        }

        var query = new InferenceQuery { Ids = ids.Distinct().ToList(), OutputSource = outputSource, Limit = int.MaxValue };
        return ReadAsync(SqliteQueryCompiler.CompilePage(tenant.Value, query), cancellationToken);
    }

    public async Task<InferencePage> QueryInferencesAsync(TenantId tenant, InferenceQuery query, CancellationToken cancellationToken)
    {
        var items = await ReadAsync(SqliteQueryCompiler.CompilePage(tenant.Value, query), cancellationToken);
        long? total = null;
        if (query.IncludeTotalCount)
        {
            var count = SqliteQueryCompiler.CompileCount(tenant.Value, query);
            using var lease = _connections.Open();
        var connection = lease.Connection;
            using var command = Command(connection, count);
            total = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            SqliteVmSteps.Record(connection);
        }

        return new InferencePage(items, total);
    }

    public async Task<IReadOnlyDictionary<string, MetricDefinition>> GetMetricDefinitionsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        var connection = lease.Connection;
        using var command = Command(connection, new CompiledQuery("SELECT body FROM metric_definitions WHERE tenant = @p0", [KeyValuePair.Create("@p0", (object)tenant.Value)], false));
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var metrics = new Dictionary<string, MetricDefinition>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var metric = MetricDefinition.Parser.ParseFrom((byte[])reader[0]);
            metrics[metric.Name] = metric;
        }

        SqliteVmSteps.Record(connection);
        return metrics;
    }

    public async Task<bool> FunctionExistsAsync(TenantId tenant, string functionName, CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        var connection = lease.Connection;
        using var command = Command(connection, new CompiledQuery(
            "SELECT EXISTS (SELECT 1 FROM inferences WHERE tenant = @p0 AND function_name = @p1)",
            [KeyValuePair.Create("@p0", (object)tenant.Value), KeyValuePair.Create("@p1", (object)functionName)],
            false));
        var exists = (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
        SqliteVmSteps.Record(connection);
        return exists;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        var connection = lease.Connection;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        _connections.Dispose();
    }

    private async Task<IReadOnlyList<InferenceResult>> ReadAsync(CompiledQuery query, CancellationToken cancellationToken)
    {
        using var lease = _connections.Open();
        var connection = lease.Connection;
        using var command = Command(connection, query);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<InferenceResult>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var inference = Inference.Parser.ParseFrom((byte[])reader[0]);
            var demonstration = reader.IsDBNull(1) ? null : SqliteValues.ParseJson(reader.GetString(1));
            results.Add(new InferenceResult(inference, demonstration));
        }

        SqliteVmSteps.Record(connection);

        if (query.ReverseResults)
        {
            results.Reverse();
        }

        return results;
    }

    private static SqliteCommand Command(SqliteConnection connection, CompiledQuery query)
    {
        var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (var (name, value) in query.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
