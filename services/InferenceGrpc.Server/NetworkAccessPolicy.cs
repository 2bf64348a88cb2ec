using InferenceGrpc.Api.Access;

namespace InferenceGrpc.Server;

/// <summary>
/// Whether callers need API keys, decided from where the service listens: on loopback only, keys
/// are optional (the development mode: `make run`, tests); on any other address they are
/// required, and the service refuses to start without them unless
/// <c>Auth:AllowUnauthenticatedNetwork=true</c> says, on purpose, that something in front of it
/// (a gateway, a private network) does the authentication.
/// </summary>
internal static class NetworkAccessPolicy
{
    public static void Apply(WebApplicationBuilder builder, ServerOptions server)
    {
        var loopback = server.ListensOnLoopbackOnly;
        var requireKeys = builder.Configuration.GetValue<bool?>($"{AccessOptions.Section}:RequireKeys") ?? !loopback;
        if (!requireKeys && !loopback && !builder.Configuration.GetValue<bool>($"{AccessOptions.Section}:AllowUnauthenticatedNetwork"))
        {
            throw new InvalidOperationException(
                $"Refusing to listen on {server.Host} without API keys: anyone who can reach it could read every project. " +
                $"Set {AccessOptions.Section}:RequireKeys=true (and create a key with 'keys create'), or {AccessOptions.Section}:AllowUnauthenticatedNetwork=true if a gateway in front authenticates callers.");
        }

        builder.Services.PostConfigure<AccessOptions>(options => options.RequireKeys = requireKeys);
    }
}
