using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Evaluations;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// Evaluation reads on the embedded store, over the same connections as the inference store:
/// runs by primary key (a tenant's runs as a key range, sorted here: the table keeps no start
/// time, and a project has few runs), trials through the (tenant, run_id, start_ms) index.
/// </summary>
public sealed class SqliteEvaluationStore(SqliteInferenceStore store) : IEvaluationStore
{
    public async Task<EvaluationData> ReadAsync(TenantId tenant, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        var ids = runIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return EvaluationData.From([], []);
        }

        using var lease = store.Connections.Open();
        var runs = await ReadBodiesAsync(lease.Connection, "evaluation_runs", "id", tenant, ids, EvaluationRun.Parser, cancellationToken);
        var trials = await ReadBodiesAsync(lease.Connection, "evaluation_trials", "run_id", tenant, ids, EvaluationTrial.Parser, cancellationToken);
        return EvaluationData.From(runs, trials);
    }

    public async Task<IReadOnlyList<EvaluationRun>> ListRunsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        using var lease = store.Connections.Open();
        using var command = lease.Connection.CreateCommand();
        command.CommandText = "SELECT body FROM evaluation_runs WHERE tenant = @tenant";
        command.Parameters.AddWithValue("@tenant", tenant.Value);
        var runs = await SqliteBodies.ReadAsync(command, EvaluationRun.Parser, cancellationToken);
        runs.Sort(EvaluationRunOrder.NewestFirst);
        return runs;
    }

    /// <summary>The bodies of one table's rows whose <paramref name="idColumn"/> is one of the ids; both names are fixed above, never input.</summary>
    private static async Task<List<T>> ReadBodiesAsync<T>(SqliteConnection connection, string table, string idColumn, TenantId tenant, List<string> ids, Google.Protobuf.MessageParser<T> parser, CancellationToken cancellationToken)
        where T : Google.Protobuf.IMessage<T>
    {
        using var command = connection.CreateCommand();
        var names = ids.Select((_, i) => "@p" + i).ToList();
        command.CommandText = $"SELECT body FROM {table} WHERE tenant = @tenant AND {idColumn} IN ({string.Join(", ", names)})";
        command.Parameters.AddWithValue("@tenant", tenant.Value);
        for (var i = 0; i < ids.Count; i++)
        {
            command.Parameters.AddWithValue(names[i], ids[i]);
        }

        return await SqliteBodies.ReadAsync(command, parser, cancellationToken);
    }
}
