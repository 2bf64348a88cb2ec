namespace InferenceGrpc.Server;

/// <summary>The "Storage:Health" configuration section: how the store's health is watched.</summary>
public sealed class StoreHealthOptions
{
    public const string Section = "Storage:Health";

    /// <summary>Time between checks. Defaults to 5 seconds.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A check slower than this counts as failed. Defaults to 2 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
