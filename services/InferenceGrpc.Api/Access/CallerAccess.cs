using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;

namespace InferenceGrpc.Api.Access;

/// <summary>
/// The one place a call's project is decided: the project the request names (or, when it names
/// none, the key's project), allowed only if the caller's key is for that project and its role
/// covers the work. Without a key (development mode) the request's project, or "default".
/// </summary>
public static class CallerAccess
{
    public const string DefaultProject = "default";

    public static TenantId Authorize(ServerCallContext context, string? project, AccessRole needed)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = ApiKeyClaims.Read(context.HttpContext.User);
        var named = string.IsNullOrEmpty(project) ? null : (TenantId?)RequestErrors.ParseProject(project);
        if (key is not { } caller)
        {
            return named ?? TenantId.Parse(DefaultProject);
        }

        var tenant = named ?? caller.Tenant;
        if (tenant != caller.Tenant)
        {
            throw new RpcException(new RpcStatus(StatusCode.PermissionDenied, $"The API key is for project '{caller.Tenant}', not '{tenant}'."));
        }

        if (caller.Role < needed)
        {
            throw new RpcException(new RpcStatus(StatusCode.PermissionDenied, $"The API key's role is {caller.Role.ToString().ToLowerInvariant()}; this call needs {needed.ToString().ToLowerInvariant()}."));
        }

        return tenant;
    }
}
