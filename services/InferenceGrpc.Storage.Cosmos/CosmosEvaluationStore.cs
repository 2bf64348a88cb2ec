using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Evaluations;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Evaluation reads on Cosmos DB, over the inference store's containers: the runs from the
/// tenant's <c>evaluation_run</c> partition, then each run's trials from its own partition
/// (<c>evaluation_trial:&lt;run id&gt;</c>), so no read fans out over the tenant. Trials are
/// ordered in the service: the grouping needs every trial of the runs anyway.
/// </summary>
public sealed class CosmosEvaluationStore(CosmosInferenceStore store) : IEvaluationStore
{
    private const string RunKind = "evaluation_run";
    private const string TrialKindPrefix = "evaluation_trial:";

    public async Task<EvaluationData> ReadAsync(TenantId tenant, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        var ids = runIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return EvaluationData.From([], []);
        }

        var containers = await store.ContainersAsync();
        var runQuery = new QueryDefinition("SELECT c.body FROM c WHERE c.tenant = @tenant AND c.kind = @kind AND ARRAY_CONTAINS(@ids, c.id)")
            .WithParameter("@tenant", tenant.Value).WithParameter("@kind", RunKind).WithParameter("@ids", ids);
        var runs = await ReadBodiesAsync(containers.Records, runQuery, CosmosKeys.ForKind(tenant.Value, RunKind), EvaluationRun.Parser, cancellationToken);

        // One partition per run, read side by side.
        var trials = await Task.WhenAll(ids.Select(id =>
        {
            var kind = TrialKindPrefix + id;
            var trialQuery = new QueryDefinition("SELECT c.body FROM c WHERE c.tenant = @tenant AND c.kind = @kind")
                .WithParameter("@tenant", tenant.Value).WithParameter("@kind", kind);
            return ReadBodiesAsync(containers.Records, trialQuery, CosmosKeys.ForKind(tenant.Value, kind), EvaluationTrial.Parser, cancellationToken);
        }));

        return EvaluationData.From(runs, trials.SelectMany(t => t));
    }

    private static async Task<List<T>> ReadBodiesAsync<T>(Container container, QueryDefinition query, PartitionKey key, Google.Protobuf.MessageParser<T> parser, CancellationToken cancellationToken)
        where T : Google.Protobuf.IMessage<T>
    {
        var bodies = new List<T>();
        await foreach (var row in CosmosJson.QueryAsync(container, query, key, cancellationToken))
        {
            bodies.Add(CosmosDocuments.Body(row, parser));
        }

        return bodies;
    }
}
