using System.Text.Json.Nodes;
using InferenceGrpc.Contracts.V1;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using InferenceGrpc.Storage.Query;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// The Cosmos DB store. Queries run with the tenant as partition-key prefix, so they reach only
/// that tenant's partitions; point reads name their exact partition from the id.
/// </summary>
public sealed class CosmosInferenceStore : IInferenceStore, IDisposable
{
    private readonly CosmosClient _client;
    private readonly CosmosStoreOptions _options;
    private readonly Lock _containersGate = new();
    private Task<CosmosContainers>? _containers;

    public CosmosInferenceStore(CosmosStoreOptions options)
    {
        _options = options;
        _client = new CosmosClient(options.Endpoint, options.Key, new CosmosClientOptions
        {
            ConnectionMode = options.GatewayModeOnly ? ConnectionMode.Gateway : ConnectionMode.Direct,
            LimitToEndpoint = options.GatewayModeOnly,
            AllowBulkExecution = false,
            MaxRetryAttemptsOnRateLimitedRequests = options.MaxThrottleRetries,
            MaxRetryWaitTimeOnRateLimitedRequests = options.MaxThrottleRetryWait,
            ApplicationName = "InferenceGrpc",
        });
    }

    /// <summary>The containers, created on first use; shared with the store's other facets (API keys, evaluations, metrics).</summary>
    /// <remarks>
    /// A failed creation (the account unreachable at start) is not kept: the next call tries
    /// again, so the store recovers by itself when Cosmos DB comes back.
    /// </remarks>
    internal Task<CosmosContainers> ContainersAsync()
    {
        lock (_containersGate)
        {
            if (_containers is null or { IsFaulted: true } or { IsCanceled: true })
            {
                _containers = CosmosContainers.CreateAsync(_client, _options.Database, CancellationToken.None);
            }

            return _containers;
        }
    }

    public async Task WriteAsync(TenantId tenant, RecordBatch batch, CancellationToken cancellationToken)
    {
        var containers = await ContainersAsync();
        await new CosmosRecordWriter(containers, tenant.Value).WriteAsync(batch, cancellationToken);
    }

    public async Task<IReadOnlyList<InferenceResult>> GetInferencesAsync(TenantId tenant, IReadOnlyCollection<Guid> ids, OutputSource outputSource, CancellationToken cancellationToken)
    {
        var containers = await ContainersAsync();
        var reads = ids.Distinct().Select(Uuid7.Format)
            .Select(id => CosmosJson.ReadAsync(containers.Inferences, id, CosmosKeys.ForId(tenant.Value, id), cancellationToken));
        var documents = await Task.WhenAll(reads);
        return documents
            .Select(d => d.Document)
            .OfType<JsonObject>()
            .Where(d => d["deletedMs"] is null && (outputSource != OutputSource.Demonstration || d["demo"] is not null))
            .OrderByDescending(d => (string)d["id"]!, StringComparer.Ordinal)
            .Select(d => Result(d, outputSource))
            .ToList();
    }

    public async Task<InferencePage> QueryInferencesAsync(TenantId tenant, InferenceQuery query, CancellationToken cancellationToken)
    {
        var containers = await ContainersAsync();
        var evaluated = query.EvaluationIds is null ? null : await EvaluationTargetsAsync(containers, tenant.Value, query.EvaluationIds, cancellationToken);
        var compiled = CosmosQueryCompiler.CompilePage(tenant.Value, query, evaluated);
        var items = compiled.SortInMemory
            ? await SortedPageAsync(containers, tenant.Value, query, compiled, cancellationToken)
            : await ReadAllAsync(containers.Inferences, compiled.Definition, tenant.Value, cancellationToken);
        var results = items.Select(d => Result(d, query.OutputSource)).ToList();
        if (compiled.ReverseResults)
        {
            results.Reverse();
        }

        long? total = null;
        if (query.IncludeTotalCount)
        {
            var count = CosmosQueryCompiler.CompileCount(tenant.Value, query, evaluated);
            total = (long)(await ReadAllAsync(containers.Inferences, count.Definition, tenant.Value, cancellationToken)).Sum(n => (double)n);
        }

        return new InferencePage(results, total);
    }

    public async Task<IReadOnlyDictionary<string, MetricDefinition>> GetMetricDefinitionsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var containers = await ContainersAsync();
        var query = new QueryDefinition("SELECT c.body FROM c WHERE c.tenant = @tenant AND c.kind = 'metric'").WithParameter("@tenant", tenant.Value);
        var rows = await ReadAllAsync(containers.Records, query, CosmosKeys.ForKind(tenant.Value, "metric"), cancellationToken);
        return rows.Select(r => CosmosDocuments.Body(r, MetricDefinition.Parser)).ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    public async Task<bool> FunctionExistsAsync(TenantId tenant, string functionName, CancellationToken cancellationToken)
    {
        var containers = await ContainersAsync();
        var query = new QueryDefinition("SELECT TOP 1 c.id FROM c WHERE c.tenant = @tenant AND c.kind = 'inference' AND c.functionName = @function")
            .WithParameter("@tenant", tenant.Value).WithParameter("@function", functionName);
        return (await ReadAllAsync(containers.Inferences, query, tenant.Value, cancellationToken)).Count > 0;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        // Reachability only: the account answers. Creating the database and containers on first
        // use can take seconds and is no sign of an outage. ReadAccountAsync takes no token: the
        // caller's deadline still ends the wait.
        await _client.ReadAccountAsync().WaitAsync(cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    private async Task<List<JsonNode>> SortedPageAsync(CosmosContainers containers, string tenant, InferenceQuery query, CosmosQuery compiled, CancellationToken cancellationToken)
    {
        var keys = await ReadAllAsync(containers.Inferences, compiled.Definition, tenant, cancellationToken);
        if (keys.Count > _options.MaxInMemorySortRows)
        {
            throw new StoreLimitException($"Ordering by a metric or relevance sorts the matching rows in the service; {keys.Count} match, more than {_options.MaxInMemorySortRows}. Narrow the query (function, time range, filters).");
        }

        keys.Sort(new InMemoryOrdering(query));
        var page = keys.Skip(query.Offset).Take(query.Limit).Select(k => (string)k["id"]!).ToList();
        if (page.Count == 0)
        {
            return [];
        }

        var documents = await ReadAllAsync(containers.Inferences, CosmosQueryCompiler.CompileFetch(tenant, page), tenant, cancellationToken);
        var byId = documents.ToDictionary(d => (string)d["id"]!, StringComparer.Ordinal);
        return page.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    private static async Task<EvaluationTargets> EvaluationTargetsAsync(CosmosContainers containers, string tenant, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT c.inferenceId, c.sessionId FROM c WHERE c.tenant = @tenant AND c.kind = 'inference_evaluation' AND ARRAY_CONTAINS(@ids, c.id)")
            .WithParameter("@tenant", tenant).WithParameter("@ids", ids);
        var rows = await ReadAllAsync(containers.Records, query, CosmosKeys.ForKind(tenant, "inference_evaluation"), cancellationToken);
        return new EvaluationTargets(
            rows.Select(r => (string?)r["inferenceId"]).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToList(),
            rows.Where(r => string.IsNullOrEmpty((string?)r["inferenceId"])).Select(r => (string?)r["sessionId"]).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList());
    }

    private static Task<List<JsonNode>> ReadAllAsync(Container container, QueryDefinition query, string tenant, CancellationToken cancellationToken) =>
        ReadAllAsync(container, query, CosmosKeys.ForTenant(tenant), cancellationToken);

    private static async Task<List<JsonNode>> ReadAllAsync(Container container, QueryDefinition query, PartitionKey key, CancellationToken cancellationToken)
    {
        var rows = new List<JsonNode>();
        await foreach (var row in CosmosJson.QueryAsync(container, query, key, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static InferenceResult Result(JsonNode document, OutputSource outputSource) =>
        new(CosmosDocuments.Body(document, Inference.Parser), outputSource == OutputSource.Demonstration ? CosmosDocuments.Demonstration(document) : null);
}
