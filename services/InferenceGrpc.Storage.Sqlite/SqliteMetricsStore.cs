using InferenceGrpc.Storage.Metrics;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// Metrics over the embedded store: one compiled GROUP BY per query (see
/// <see cref="SqliteMetricsCompiler"/>), on the connections of the inference store.
/// </summary>
public sealed class SqliteMetricsStore(SqliteInferenceStore store) : IMetricsStore
{
    public async Task<IReadOnlyList<MetricsRow>> QueryMetricsAsync(TenantId tenant, MetricsQuery query, CancellationToken cancellationToken)
    {
        StoreOperation.Enter("query_metrics");
        var compiled = SqliteMetricsCompiler.Compile(tenant.Value, query);
        using var lease = store.Connections.Open();
        using var command = lease.Connection.CreateCommand();
        command.CommandText = compiled.Sql;
        foreach (var (name, value) in compiled.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        // SQLite computes every group before it returns the first row, so a deadline or a client
        // that goes away interrupts the statement itself (sqlite3_interrupt).
        using var interrupt = cancellationToken.Register(command.Cancel);
        try
        {
            return await ReadAsync(command, query, cancellationToken);
        }
        catch (SqliteException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<MetricsRow>> ReadAsync(SqliteCommand command, MetricsQuery query, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<MetricsRow>();
        var bucketed = query.BucketMs is not null;
        var firstGroup = bucketed ? 1 : 0;
        var totalColumn = firstGroup + query.GroupBy.Count;
        while (await reader.ReadAsync(cancellationToken))
        {
            var total = reader.GetInt64(totalColumn);
            if (total == 0)
            {
                // Without GROUP BY, SQLite answers one row even when nothing matched.
                continue;
            }

            rows.Add(new MetricsRow(
                bucketed ? reader.GetInt64(0) * query.BucketMs : null,
                Enumerable.Range(firstGroup, query.GroupBy.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToList(),
                total,
                Enumerable.Range(totalColumn + 1, query.Aggregations.Count).Select(i => reader.IsDBNull(i) ? (double?)null : reader.GetDouble(i)).ToList()));
        }

        SqliteVmSteps.Record(command.Connection!);
        rows.Sort(MetricsRowOrder.Instance);
        return rows;
    }
}
