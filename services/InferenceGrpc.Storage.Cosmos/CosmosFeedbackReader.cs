using InferenceGrpc.Contracts.V1;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Feedback by target on Cosmos DB: a query within the one partition that holds the target's
/// feedback (tenant and the day of the target id). Feedback documents carry no time of their
/// own, so the target's feedback is ordered and cut in the service; one target's feedback is
/// small.
/// </summary>
public sealed class CosmosFeedbackReader(CosmosInferenceStore store) : IFeedbackReader
{
    public async Task<IReadOnlyList<Feedback>> ReadByTargetAsync(TenantId tenant, Guid targetId, int limit, CancellationToken cancellationToken)
    {
        var containers = await store.ContainersAsync();
        var target = Uuid7.Format(targetId);
        var query = new QueryDefinition("SELECT c.body FROM c WHERE c.tenant = @tenant AND c.kind = @kind AND c.targetId = @target")
            .WithParameter("@tenant", tenant.Value).WithParameter("@kind", CosmosDocuments.FeedbackKind).WithParameter("@target", target);

        var feedback = await CosmosDocuments.QueryBodiesAsync(containers.Feedback, query, CosmosKeys.ForId(tenant.Value, target), Feedback.Parser, cancellationToken);
        feedback.Sort(FeedbackOrder.NewestFirst);
        return feedback.Count > limit ? feedback[..limit] : feedback;
    }
}
