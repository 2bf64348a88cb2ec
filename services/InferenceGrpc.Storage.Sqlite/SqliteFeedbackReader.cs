using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// Feedback by target on the embedded store, through the (tenant, target_id) index of the first
/// schema version: one target's rows are few, so sorting them for the page costs little and no
/// wider index is needed.
/// </summary>
public sealed class SqliteFeedbackReader(SqliteInferenceStore store) : IFeedbackReader
{
    public async Task<IReadOnlyList<Feedback>> ReadByTargetAsync(TenantId tenant, Guid targetId, int limit, CancellationToken cancellationToken)
    {
        using var lease = store.Connections.Open();
        using var command = lease.Connection.CreateCommand();
        // The same order as FeedbackOrder: created_ms holds the creation time in whole milliseconds.
        command.CommandText = "SELECT body FROM feedback WHERE tenant = @tenant AND target_id = @target ORDER BY created_ms DESC, id DESC LIMIT @limit";
        command.Parameters.AddWithValue("@tenant", tenant.Value);
        command.Parameters.AddWithValue("@target", Uuid7.ToBigEndianBytes(targetId));
        command.Parameters.AddWithValue("@limit", limit);

        return await SqliteBodies.ReadAsync(command, Feedback.Parser, cancellationToken);
    }
}
