using System.Collections.Concurrent;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;

namespace InferenceGrpc.Storage;

/// <summary>
/// Keeps what every query asks the store for but that rarely changes: a tenant's metric
/// definitions (for a few seconds, and dropped at once when this process writes definitions)
/// and the functions known to exist (functions never disappear, so a "yes" is kept for good).
/// Another replica's new metric is seen within <see cref="MetricLifetime"/>.
/// </summary>
public sealed class CachingInferenceStore(IInferenceStore inner, TimeProvider clock) : IInferenceStore
{
    public static readonly TimeSpan MetricLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<TenantId, (DateTimeOffset Until, IReadOnlyDictionary<string, MetricDefinition> Metrics)> _metrics = new();
    private readonly ConcurrentDictionary<(TenantId, string), bool> _functions = new();

    public IInferenceStore Inner => inner;

    public async Task WriteAsync(TenantId tenant, RecordBatch batch, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(tenant, batch, cancellationToken);
        if (batch.MetricDefinitions.Count > 0)
        {
            _metrics.TryRemove(tenant, out _);
        }
    }

    public async Task<IReadOnlyDictionary<string, MetricDefinition>> GetMetricDefinitionsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        if (_metrics.TryGetValue(tenant, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.Metrics;
        }

        var metrics = await inner.GetMetricDefinitionsAsync(tenant, cancellationToken);
        _metrics[tenant] = (clock.GetUtcNow() + MetricLifetime, metrics);
        return metrics;
    }

    public async Task<bool> FunctionExistsAsync(TenantId tenant, string functionName, CancellationToken cancellationToken)
    {
        if (_functions.ContainsKey((tenant, functionName)))
        {
            return true;
        }

        var exists = await inner.FunctionExistsAsync(tenant, functionName, cancellationToken);
        if (exists)
        {
            _functions.TryAdd((tenant, functionName), true);
        }

        return exists;
    }

    public Task<IReadOnlyList<InferenceResult>> GetInferencesAsync(TenantId tenant, IReadOnlyCollection<Guid> ids, OutputSource outputSource, CancellationToken cancellationToken) =>
        inner.GetInferencesAsync(tenant, ids, outputSource, cancellationToken);

    public Task<InferencePage> QueryInferencesAsync(TenantId tenant, InferenceQuery query, CancellationToken cancellationToken) =>
        inner.QueryInferencesAsync(tenant, query, cancellationToken);

    public Task CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);
}
