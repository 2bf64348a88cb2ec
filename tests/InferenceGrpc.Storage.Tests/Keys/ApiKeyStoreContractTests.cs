using InferenceGrpc.Storage.Keys;

namespace InferenceGrpc.Storage.Tests.Keys;

/// <summary>The API key store contract, run against every backend with the same expectations.</summary>
public abstract class ApiKeyStoreContractTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TenantId _tenant = TenantId.Parse("k" + Guid.NewGuid().ToString("N")[..12]);

    protected abstract IApiKeyStore Keys { get; }

    [Fact]
    public async Task A_created_key_is_found_by_its_secret_hash_with_every_field()
    {
        var key = NewKey(AccessRole.Write, Created);
        await Keys.CreateAsync(key, default);

        Assert.Equal(key, await Keys.FindBySecretHashAsync(key.SecretHash, default));
        Assert.Null(await Keys.FindBySecretHashAsync(Hash(), default));
    }

    [Fact]
    public async Task A_second_key_with_the_same_secret_hash_is_refused_and_the_first_kept()
    {
        var key = NewKey(AccessRole.Read, Created);
        await Keys.CreateAsync(key, default);

        await Assert.ThrowsAnyAsync<Exception>(() => Keys.CreateAsync(key with { Id = "other-" + key.Id, Role = AccessRole.Admin }, default));
        Assert.Equal(key, await Keys.FindBySecretHashAsync(key.SecretHash, default));
    }

    [Fact]
    public async Task List_returns_only_the_tenants_keys_oldest_first()
    {
        var newer = NewKey(AccessRole.Admin, Created.AddMinutes(5));
        var older = NewKey(AccessRole.Read, Created);
        var elsewhere = NewKey(AccessRole.Read, Created) with { Tenant = TenantId.Parse("other-" + _tenant.Value) };
        foreach (var key in new[] { newer, older, elsewhere })
        {
            await Keys.CreateAsync(key, default);
        }

        Assert.Equal([older, newer], await Keys.ListAsync(_tenant, default));
    }

    [Fact]
    public async Task Revoke_marks_the_key_once_and_only_within_its_tenant()
    {
        var key = NewKey(AccessRole.Write, Created);
        await Keys.CreateAsync(key, default);
        var other = TenantId.Parse("other-" + _tenant.Value);

        Assert.Null(await Keys.RevokeAsync(other, key.Id, Created.AddHours(1), default));
        Assert.False((await Keys.FindBySecretHashAsync(key.SecretHash, default))!.IsRevoked);

        var revoked = await Keys.RevokeAsync(_tenant, key.Id, Created.AddHours(1), default);
        var again = await Keys.RevokeAsync(_tenant, key.Id, Created.AddHours(2), default);

        Assert.Equal(Created.AddHours(1), revoked!.RevokedAt);
        Assert.Equal(Created.AddHours(1), again!.RevokedAt);
        Assert.Equal(revoked, await Keys.FindBySecretHashAsync(key.SecretHash, default));
        Assert.Null(await Keys.RevokeAsync(_tenant, "no-such-key", Created, default));
    }

    private ApiKeyRecord NewKey(AccessRole role, DateTimeOffset created) =>
        new("key_" + Guid.NewGuid().ToString("N")[..16], _tenant, role, "test key", Hash(), created);

    private static string Hash() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
