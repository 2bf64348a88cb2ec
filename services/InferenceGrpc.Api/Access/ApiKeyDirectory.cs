using InferenceGrpc.Storage.Keys;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Api.Access;

/// <summary>
/// Finds the stored key for a presented secret, remembering answers (found or not) for
/// <see cref="AccessOptions.KeyCacheDuration"/> so a call costs no store read. The cache is
/// bounded, so a flood of made-up keys cannot grow memory; a key revoked on this replica is
/// forgotten at once.
/// </summary>
public sealed class ApiKeyDirectory(IApiKeyStore store, IOptions<AccessOptions> options) : IDisposable
{
    private const int MaxCachedKeys = 10_000;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxCachedKeys });

    /// <summary>The key this secret stands for, if it exists and is not revoked.</summary>
    public async Task<ApiKeyRecord?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(secret);
        if (!_cache.TryGetValue(hash, out ApiKeyRecord? key))
        {
            key = await store.FindBySecretHashAsync(hash, cancellationToken);
            _cache.Set(hash, key, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.KeyCacheDuration });
        }

        return key is { IsRevoked: false } ? key : null;
    }

    /// <summary>Forgets a key, so its revocation applies to the next call.</summary>
    public void Forget(string secretHash) => _cache.Remove(secretHash);

    public void Dispose() => _cache.Dispose();
}
