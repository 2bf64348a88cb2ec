using InferenceGrpc.SampleData;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Server.Seeding;

/// <summary>
/// Loads generated sample data into a store through the same validation as any write, batch by
/// batch, so memory stays flat however many records are loaded.
/// </summary>
public sealed class SampleDataLoader(IInferenceStore store, TimeProvider clock)
{
    public async Task<long> LoadAsync(TenantId tenant, SampleDataOptions options, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        long inferences = 0;
        long records = 0;
        foreach (var batch in new SampleDataGenerator(options).GenerateBatches())
        {
            var metrics = await store.GetMetricDefinitionsAsync(tenant, cancellationToken);
            var validated = RecordValidator.Validate(batch, metrics, clock.GetUtcNow());
            await store.WriteAsync(tenant, validated, cancellationToken);
            inferences += validated.Inferences.Count;
            records += validated.Count;
            progress?.Invoke(inferences, records);
        }

        return records;
    }

    /// <summary>True when the tenant holds no inference at all, deleted ones included.</summary>
    public async Task<bool> IsEmptyAsync(TenantId tenant, CancellationToken cancellationToken) =>
        (await store.QueryInferencesAsync(tenant, new InferenceQuery { Limit = 1, IncludeDeleted = true }, cancellationToken)).Items.Count == 0;
}
