using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Evaluations;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Evaluation reads on Cosmos DB, over the inference store's containers: the runs from the
/// tenant's <c>evaluation_run</c> partition, then each run's trials from its own partition
/// (<c>evaluation_trial:&lt;run id&gt;</c>), so no read fans out over the tenant. Trials are
/// ordered in the service: the grouping needs every trial of the runs anyway. Listing reads the
/// whole <c>evaluation_run</c> partition and sorts it here too: run documents keep no start time
/// of their own, and a project has few runs.
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
        var runs = await CosmosDocuments.QueryBodiesAsync(containers.Records, runQuery, CosmosKeys.ForKind(tenant.Value, RunKind), EvaluationRun.Parser, cancellationToken);

        // One partition per run, read side by side.
        var trials = await Task.WhenAll(ids.Select(id =>
        {
            var kind = TrialKindPrefix + id;
            var trialQuery = new QueryDefinition("SELECT c.body FROM c WHERE c.tenant = @tenant AND c.kind = @kind")
                .WithParameter("@tenant", tenant.Value).WithParameter("@kind", kind);
            return CosmosDocuments.QueryBodiesAsync(containers.Records, trialQuery, CosmosKeys.ForKind(tenant.Value, kind), EvaluationTrial.Parser, cancellationToken);
        }));

        return EvaluationData.From(runs, trials.SelectMany(t => t));
    }

    public async Task<IReadOnlyList<EvaluationRun>> ListRunsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var containers = await store.ContainersAsync();
        var query = new QueryDefinition("SELECT c.body FROM c WHERE c.tenant = @tenant AND c.kind = @kind")
            .WithParameter("@tenant", tenant.Value).WithParameter("@kind", RunKind);
        var runs = await CosmosDocuments.QueryBodiesAsync(containers.Records, query, CosmosKeys.ForKind(tenant.Value, RunKind), EvaluationRun.Parser, cancellationToken);
        runs.Sort(EvaluationRunOrder.NewestFirst);
        return runs;
    }
}
