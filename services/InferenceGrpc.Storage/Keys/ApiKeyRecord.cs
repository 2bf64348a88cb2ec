namespace InferenceGrpc.Storage.Keys;

/// <summary>
/// A stored API key: never the secret itself, only its SHA-256. Keys are 256-bit random
/// strings, so an unsalted hash cannot be reversed by guessing (unlike a password).
/// </summary>
/// <param name="Id">The public id, shown in lists and used to revoke (not a secret).</param>
/// <param name="Tenant">The one project the key opens.</param>
/// <param name="Role">What the key may do there.</param>
/// <param name="Name">A label for people, such as "ci-loader".</param>
/// <param name="SecretHash">Lower-case hex SHA-256 of the whole key string.</param>
/// <param name="CreatedAt">When the key was made.</param>
/// <param name="RevokedAt">When it was revoked; a revoked key authenticates nothing.</param>
public sealed record ApiKeyRecord(
    string Id,
    TenantId Tenant,
    AccessRole Role,
    string Name,
    string SecretHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
