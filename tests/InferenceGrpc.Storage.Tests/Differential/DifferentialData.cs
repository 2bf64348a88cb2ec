using InferenceGrpc.Storage.Tests.Reference;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// One generated data set: the validated batches to write in order (to the tenant under test),
/// a decoy batch for another tenant that no query may see, the reference built from the same
/// batches, and short aliases (i007, e03, ...) for printing ids.
/// </summary>
internal sealed record DifferentialData(
    int Seed,
    IReadOnlyList<RecordBatch> Batches,
    RecordBatch DecoyBatch,
    ReferenceData Reference,
    DataPools Pools,
    IReadOnlyDictionary<Guid, string> Aliases)
{
    public static readonly TenantId Tenant = TenantId.Parse("differential");

    public static readonly TenantId DecoyTenant = TenantId.Parse("differential-decoy");

    public async Task WriteToAsync(IInferenceStore store)
    {
        foreach (var batch in Batches)
        {
            await store.WriteAsync(Tenant, batch, default);
        }

        await store.WriteAsync(DecoyTenant, DecoyBatch, default);
    }

    public string Alias(Guid id) => Aliases.TryGetValue(id, out var alias) ? alias : id.ToString("D");
}
