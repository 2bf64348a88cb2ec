using System.Globalization;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Partition keys. Inferences and feedback live in logical partitions of one tenant and one UTC
/// day, the day taken from the id itself, so a point read names its partition exactly and a
/// tenant may grow past the 20 GB limit of one logical partition.
/// </summary>
internal static class CosmosKeys
{
    public const string TenantPath = "/tenant";
    public const string DayPath = "/day";
    public const string KindPath = "/kind";

    /// <summary>
    /// The UTC day in a UUIDv7. Other UUIDs (episode ids may be any version) carry no time, so
    /// they spread over 256 buckets by their first byte instead.
    /// </summary>
    public static string Day(Guid id) => Uuid7.TryTimestamp(id, out var time)
        ? time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : "other-" + id.ToString("N")[..2];

    public static string Day(string id) => Day(Guid.Parse(id));

    public static PartitionKey ForDay(string tenant, string day) => new PartitionKeyBuilder().Add(tenant).Add(day).Build();

    public static PartitionKey ForId(string tenant, string id) => ForDay(tenant, Day(id));

    public static PartitionKey ForKind(string tenant, string kind) => new PartitionKeyBuilder().Add(tenant).Add(kind).Build();

    /// <summary>The prefix that routes a query to one tenant's partitions only.</summary>
    public static PartitionKey ForTenant(string tenant) => new PartitionKeyBuilder().Add(tenant).Build();
}
