namespace InferenceGrpc.Api.Access;

/// <summary>
/// The "Limits" configuration section: how much one caller (an API key, or an address when no
/// key is sent) may ask of the service, so one busy client cannot starve the rest.
/// </summary>
public sealed class CallLimitOptions
{
    public const string Section = "Limits";

    /// <summary>Calls a caller may start per <see cref="RatePeriod"/>, on average. Defaults to 1,000 (per second).</summary>
    public int RequestsPerPeriod { get; set; } = 1000;

    /// <summary>The refill period of the call budget. Defaults to one second.</summary>
    public TimeSpan RatePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Calls a caller may make at once after being idle. Defaults to 2,000.</summary>
    public int BurstRequests { get; set; } = 2000;

    /// <summary>Streaming calls (server, client or both) one caller may have open at once. Defaults to 32.</summary>
    public int ConcurrentStreamsPerCaller { get; set; } = 32;
}
