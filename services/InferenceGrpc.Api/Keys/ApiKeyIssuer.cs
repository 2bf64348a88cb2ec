using InferenceGrpc.Api.Access;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;

namespace InferenceGrpc.Api.Keys;

/// <summary>Makes and stores new keys; used by the ApiKeyService and by the server's bootstrap command.</summary>
public sealed class ApiKeyIssuer(IApiKeyStore store, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    /// <summary>Creates a key and returns it with its secret, which exists nowhere else afterwards.</summary>
    public async Task<(ApiKeyRecord Key, string Secret)> IssueAsync(TenantId tenant, AccessRole role, string name, CancellationToken cancellationToken)
    {
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"The key name is {name.Length} characters; at most {MaxNameLength} are allowed.", nameof(name));
        }

        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKeyRecord(ApiKeySecrets.NewId(), tenant, role, name, ApiKeySecrets.Hash(secret), clock.GetUtcNow());
        await store.CreateAsync(key, cancellationToken);
        return (key, secret);
    }
}
