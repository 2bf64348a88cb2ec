namespace InferenceGrpc.Server;

/// <summary>The "Storage:Health" configuration section: how the store's health is watched.</summary>
public sealed class StoreHealthOptions
{
    public const string Section = "Storage:Health";

    /// <summary>Time between checks. Defaults to 5 seconds.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A check slower than this counts as failed. Defaults to 5 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Failed checks in a row before the store counts as down. Defaults to 2, so one slow
    /// answer on a busy machine does not turn calls away; one passing check brings it back.
    /// </summary>
    public int FailuresBeforeDown { get; set; } = 2;
}
