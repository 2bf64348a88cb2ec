namespace InferenceGrpc.Storage.Metrics;

/// <summary>
/// Aggregates the metrics view of a tenant's inferences in the store itself (GROUP BY in SQL),
/// never by loading rows into the service. Every implementation returns identical rows for
/// identical queries, in <see cref="MetricsRowOrder"/>; the shared contract suite checks it.
/// </summary>
public interface IMetricsStore
{
    Task<IReadOnlyList<MetricsRow>> QueryMetricsAsync(TenantId tenant, MetricsQuery query, CancellationToken cancellationToken);
}
