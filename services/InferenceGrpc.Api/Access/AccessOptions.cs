namespace InferenceGrpc.Api.Access;

/// <summary>The "Auth" configuration section: whether callers must present API keys.</summary>
public sealed class AccessOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Every call except health checks needs a valid key. The host sets the default: required
    /// unless it listens on loopback only (the development mode). A key that is sent is always
    /// checked, required or not: a bad key is never silently ignored.
    /// </summary>
    public bool RequireKeys { get; set; }

    /// <summary>How long a looked-up key is trusted before the store is asked again; also how long a revocation made on another replica takes to apply here.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
