using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Api.Access;

/// <summary>
/// Authenticates every call before its request is read: health checks are open (load balancers
/// carry no keys); everything else with a bad key is UNAUTHENTICATED, and without a key too when
/// keys are required. Which project a key may touch is checked by <see cref="CallerAccess"/>
/// once the request names it.
/// </summary>
internal sealed class ApiKeyCallAuthorizer(IOptions<AccessOptions> options) : ICallAuthorizer
{
    public async ValueTask<RpcStatus?> AuthorizeAsync(ServerCallContext context)
    {
        var result = await context.HttpContext.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (result.Succeeded)
        {
            context.HttpContext.User = result.Principal;
            return null;
        }

        if (result.Failure is { } failure)
        {
            return new RpcStatus(StatusCode.Unauthenticated, failure.Message);
        }

        return options.Value.RequireKeys
            ? new RpcStatus(StatusCode.Unauthenticated, "Missing credentials: send 'Authorization: Bearer <API key>' (or Basic credentials with the key as the password).")
            : null;
    }
}
