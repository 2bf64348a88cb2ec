namespace InferenceGrpc.Storage.Keys;

/// <summary>
/// Where API keys live: in the same store as the records, so every replica sees the same keys.
/// Lookups by secret hash come first (before the caller's project is known); everything else
/// is scoped to one tenant.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key. Ids and hashes are unique; a clash is an error, never an overwrite.</summary>
    Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key with this secret hash, revoked or not; null when there is none.</summary>
    Task<ApiKeyRecord?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>The tenant's keys, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(TenantId tenant, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the tenant's key revoked at <paramref name="at"/> (a key already revoked keeps its
    /// first time) and returns it; null when the tenant has no key with that id.
    /// </summary>
    Task<ApiKeyRecord?> RevokeAsync(TenantId tenant, string keyId, DateTimeOffset at, CancellationToken cancellationToken);
}
