using InferenceGrpc.Contracts.V1;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage;

/// <summary>
/// The store contract. Every method takes the tenant and every implementation scopes every
/// read and write to it in the store layer itself, so no caller can forget. Implementations
/// return identical results for identical calls: a shared contract test suite runs against each.
/// </summary>
public interface IInferenceStore
{
    /// <summary>
    /// Stores a validated, normalized batch atomically (all or nothing) and returns once it is
    /// durable. Writing a record again with the same id replaces it.
    /// </summary>
    Task WriteAsync(TenantId tenant, RecordBatch batch, CancellationToken cancellationToken);

    /// <summary>The inferences with these ids (unknown ids are skipped), newest first.</summary>
    Task<IReadOnlyList<InferenceResult>> GetInferencesAsync(TenantId tenant, IReadOnlyCollection<Guid> ids, OutputSource outputSource, CancellationToken cancellationToken);

    /// <summary>One page of inferences matching a query description.</summary>
    Task<InferencePage> QueryInferencesAsync(TenantId tenant, InferenceQuery query, CancellationToken cancellationToken);

    /// <summary>The metric definitions of the tenant, by name.</summary>
    Task<IReadOnlyDictionary<string, MetricDefinition>> GetMetricDefinitionsAsync(TenantId tenant, CancellationToken cancellationToken);

    /// <summary>Whether any inference of this function was ever stored.</summary>
    Task<bool> FunctionExistsAsync(TenantId tenant, string functionName, CancellationToken cancellationToken);

    /// <summary>Answers when the store is reachable; throws otherwise.</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken);
}
