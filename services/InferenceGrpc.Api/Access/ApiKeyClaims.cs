using System.Security.Claims;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;

namespace InferenceGrpc.Api.Access;

/// <summary>How an authenticated key travels through a call: as claims on the request's user.</summary>
public static class ApiKeyClaims
{
    public const string KeyId = "inferencegrpc:key_id";
    public const string Project = "inferencegrpc:project";
    public const string Role = "inferencegrpc:role";

    public static ClaimsPrincipal ToPrincipal(ApiKeyRecord key, string scheme)
    {
        ArgumentNullException.ThrowIfNull(key);
        var identity = new ClaimsIdentity(
            [new Claim(KeyId, key.Id), new Claim(Project, key.Tenant.Value), new Claim(Role, key.Role.ToString()), new Claim(ClaimTypes.Name, key.Name)],
            scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The key's project and role, or null when the caller presented no key.</summary>
    public static (TenantId Tenant, AccessRole Role, string KeyId)? Read(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirst(Project) is not { } project || user.FindFirst(Role) is not { } role || user.FindFirst(KeyId) is not { } id)
        {
            return null;
        }

        return (TenantId.Parse(project.Value), Enum.Parse<AccessRole>(role.Value), id.Value);
    }
}
