using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Api.Access;

/// <summary>
/// ASP.NET Core authentication of API keys from the Authorization header. No header: no result
/// (the call authorizer decides whether that is allowed). A malformed header or an unknown or
/// revoked key: a failure, whose message the caller sees; which of the two is never said.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyDirectory keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!AuthorizationHeader.TryReadKey(header, out var secret, out var problem))
        {
            return AuthenticateResult.Fail(problem);
        }

        var key = await keys.FindAsync(secret, Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("Invalid API key: it is unknown or was revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(ApiKeyClaims.ToPrincipal(key, SchemeName), SchemeName));
    }
}
