namespace InferenceGrpc.Storage.Cosmos;

/// <summary>The "Storage:Cosmos" configuration section. Setting an endpoint switches the service to Cosmos DB.</summary>
public sealed class CosmosStoreOptions
{
    public const string Section = "Storage:Cosmos";

    /// <summary>The account endpoint, such as https://myaccount.documents.azure.com:443/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The account key.</summary>
    public string? Key { get; set; }

    /// <summary>The database; created with its containers when missing. Defaults to "inferencegrpc".</summary>
    public string Database { get; set; } = "inferencegrpc";

    /// <summary>
    /// Gateway mode and only the configured endpoint: needed for emulators and test servers that
    /// advertise other regions or ports. Defaults to false (direct mode, all regions).
    /// </summary>
    public bool GatewayModeOnly { get; set; }

    /// <summary>The most rows the service sorts itself, for orders Cosmos cannot index (metric, relevance). Defaults to 100,000.</summary>
    public int MaxInMemorySortRows { get; set; } = 100_000;

    /// <summary>
    /// How many times the SDK retries a throttled (429) request, waiting as Cosmos says, before
    /// the call fails with RESOURCE_EXHAUSTED and the server's retry-after. Defaults to 9.
    /// </summary>
    public int MaxThrottleRetries { get; set; } = 9;

    /// <summary>The longest the SDK spends retrying one throttled request. Defaults to 30 seconds.</summary>
    public TimeSpan MaxThrottleRetryWait { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Key);
}
