using InferenceGrpc.Storage.Keys;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>API keys in the embedded store's database file, on the store's connection pool.</summary>
public sealed class SqliteApiKeyStore(SqliteInferenceStore store) : IApiKeyStore
{
    private const string Columns = "id, tenant, role, name, secret_hash, created_ms, revoked_ms";

    public async Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var lease = store.Connections.Open();
        using var command = Command(lease.Connection, $"INSERT INTO api_keys ({Columns}) VALUES (@id, @tenant, @role, @name, @hash, @created, @revoked)",
            ("@id", key.Id), ("@tenant", key.Tenant.Value), ("@role", (int)key.Role), ("@name", key.Name), ("@hash", key.SecretHash),
            ("@created", key.CreatedAt.ToUnixTimeMilliseconds()), ("@revoked", key.RevokedAt?.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {Columns} FROM api_keys WHERE secret_hash = @hash", cancellationToken, ("@hash", secretHash))).SingleOrDefault();

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(TenantId tenant, CancellationToken cancellationToken) =>
        await ReadAsync($"SELECT {Columns} FROM api_keys WHERE tenant = @tenant ORDER BY created_ms, id", cancellationToken, ("@tenant", tenant.Value));

    public async Task<ApiKeyRecord?> RevokeAsync(TenantId tenant, string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using (var lease = store.Connections.Open())
        {
            using var command = Command(lease.Connection, "UPDATE api_keys SET revoked_ms = coalesce(revoked_ms, @at) WHERE tenant = @tenant AND id = @id",
                ("@at", at.ToUnixTimeMilliseconds()), ("@tenant", tenant.Value), ("@id", keyId));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await ReadAsync($"SELECT {Columns} FROM api_keys WHERE tenant = @tenant AND id = @id", cancellationToken, ("@tenant", tenant.Value), ("@id", keyId))).SingleOrDefault();
    }

    private async Task<List<ApiKeyRecord>> ReadAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var lease = store.Connections.Open();
        using var command = Command(lease.Connection, sql, parameters);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKeyRecord(
                reader.GetString(0),
                TenantId.Parse(reader.GetString(1)),
                (AccessRole)reader.GetInt32(2),
                reader.GetString(3),
                reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return keys;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
