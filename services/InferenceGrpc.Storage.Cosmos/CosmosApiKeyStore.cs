using System.Text.Json.Nodes;
using InferenceGrpc.Storage.Keys;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// API keys in the records container, all in one logical partition of a pseudo-tenant no real
/// project can be named ("$system" is not a valid project name): a key is found by a point read
/// of its secret hash (1 RU) before the caller's project is known. Keys are few, and lookups are
/// cached by the caller, so one partition is never hot.
/// </summary>
public sealed class CosmosApiKeyStore(CosmosInferenceStore store) : IApiKeyStore
{
    private const string SystemTenant = "$system";
    private const string Kind = "apiKey";
    private static readonly PartitionKey Partition = CosmosKeys.ForKind(SystemTenant, Kind);

    public async Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var containers = await store.ContainersAsync();
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Document(key).ToJsonString()));
        using var response = await containers.Records.CreateItemStreamAsync(content, Partition, cancellationToken: cancellationToken);
        CosmosJson.EnsureSuccess(response);
    }

    public async Task<ApiKeyRecord?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        var containers = await store.ContainersAsync();
        var (document, _) = await CosmosJson.ReadAsync(containers.Records, secretHash, Partition, cancellationToken);
        return document is null ? null : Record(document);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.owner = @owner ORDER BY c.createdMs").WithParameter("@owner", tenant.Value);
        return [.. (await QueryAsync(query, cancellationToken)).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    public async Task<ApiKeyRecord?> RevokeAsync(TenantId tenant, string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.owner = @owner AND c.keyId = @keyId").WithParameter("@owner", tenant.Value).WithParameter("@keyId", keyId);
        if ((await QueryAsync(query, cancellationToken)).SingleOrDefault() is not { } key)
        {
            return null;
        }

        var containers = await store.ContainersAsync();
        await CosmosJson.UpdateAsync(containers.Records, key.SecretHash, Partition, current =>
        {
            if (current is null || current["revokedMs"] is not null)
            {
                return null;
            }

            current["revokedMs"] = at.ToUnixTimeMilliseconds();
            return current;
        }, cancellationToken);
        return await FindBySecretHashAsync(key.SecretHash, cancellationToken);
    }

    private async Task<List<ApiKeyRecord>> QueryAsync(QueryDefinition query, CancellationToken cancellationToken)
    {
        var containers = await store.ContainersAsync();
        var keys = new List<ApiKeyRecord>();
        await foreach (var document in CosmosJson.QueryAsync(containers.Records, query, Partition, cancellationToken))
        {
            keys.Add(Record(document.AsObject()));
        }

        return keys;
    }

    private static JsonObject Document(ApiKeyRecord key) => new()
    {
        ["id"] = key.SecretHash,
        ["tenant"] = SystemTenant,
        ["kind"] = Kind,
        ["keyId"] = key.Id,
        ["owner"] = key.Tenant.Value,
        ["role"] = (int)key.Role,
        ["name"] = key.Name,
        ["createdMs"] = key.CreatedAt.ToUnixTimeMilliseconds(),
        ["revokedMs"] = key.RevokedAt?.ToUnixTimeMilliseconds(),
    };

    private static ApiKeyRecord Record(JsonObject document) => new(
        (string)document["keyId"]!,
        TenantId.Parse((string)document["owner"]!),
        (AccessRole)(int)document["role"]!,
        (string)document["name"]!,
        (string)document["id"]!,
        DateTimeOffset.FromUnixTimeMilliseconds((long)document["createdMs"]!),
        document["revokedMs"] is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds((long)revoked) : null);
}
