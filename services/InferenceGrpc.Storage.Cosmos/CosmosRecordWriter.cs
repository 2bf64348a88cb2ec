using System.Text.Json.Nodes;
using InferenceGrpc.Contracts.V1;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Writes a batch and keeps the denormalized feedback right: feedback first updates the summary
/// of its target, then inferences are written with their own and their episode's summaries, then
/// inferences already stored get the new values. Every step is idempotent, so retrying a failed
/// batch finishes it.
/// </summary>
internal sealed class CosmosRecordWriter(CosmosContainers containers, string tenant)
{
    public async Task WriteAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        foreach (var metric in batch.MetricDefinitions)
        {
            await Keyed("metric", metric.Name, metric, null, cancellationToken);
        }

        foreach (var run in batch.EvaluationRuns)
        {
            await Keyed("evaluation_run", run.Id, run, null, cancellationToken);
        }

        foreach (var trial in batch.EvaluationTrials)
        {
            // Trials are partitioned per run: a run is read whole, and no tenant-wide partition grows without bound.
            await Keyed("evaluation_trial:" + trial.EvaluationRunId, trial.Id, trial, new JsonObject { ["runId"] = trial.EvaluationRunId }, cancellationToken);
        }

        foreach (var evaluation in batch.InferenceEvaluations)
        {
            var extra = new JsonObject { ["inferenceId"] = evaluation.InferenceId, ["sessionId"] = evaluation.SessionId };
            await Keyed("inference_evaluation", evaluation.Id, evaluation, extra, cancellationToken);
        }

        foreach (var feedback in batch.Feedback)
        {
            await CosmosJson.UpsertAsync(containers.Feedback, CosmosDocuments.Feedback(tenant, feedback), CosmosKeys.ForId(tenant, feedback.TargetId), cancellationToken);
            await CosmosJson.UpdateAsync(containers.Feedback, CosmosDocuments.SummaryId(feedback.TargetId), CosmosKeys.ForId(tenant, feedback.TargetId), current =>
            {
                var latest = LatestFeedback.From(current);
                return latest.Apply(feedback) ? CosmosDocuments.Summary(tenant, feedback.TargetId, latest) : null;
            }, cancellationToken);
        }

        foreach (var inference in batch.Inferences)
        {
            var own = await SummaryAsync(inference.Id, cancellationToken);
            var episode = inference.EpisodeId.Length > 0 ? await SummaryAsync(inference.EpisodeId, cancellationToken) : new LatestFeedback();
            await CosmosJson.UpsertAsync(containers.Inferences, CosmosDocuments.Inference(tenant, inference, own, episode), CosmosKeys.ForId(tenant, inference.Id), cancellationToken);
        }

        foreach (var target in batch.Feedback.Where(f => f.ValueCase != Feedback.ValueOneofCase.Comment).GroupBy(f => (f.TargetId, f.Level)).Select(g => g.Key))
        {
            await PropagateAsync(target.TargetId, target.Level, cancellationToken);
        }
    }

    private async Task<LatestFeedback> SummaryAsync(string targetId, CancellationToken cancellationToken)
    {
        var (document, _) = await CosmosJson.ReadAsync(containers.Feedback, CosmosDocuments.SummaryId(targetId), CosmosKeys.ForId(tenant, targetId), cancellationToken);
        return LatestFeedback.From(document);
    }

    /// <summary>Copies a target's summary into the inference documents it applies to.</summary>
    private async Task PropagateAsync(string targetId, FeedbackLevel level, CancellationToken cancellationToken)
    {
        var latest = await SummaryAsync(targetId, cancellationToken);
        if (level == FeedbackLevel.Episode)
        {
            var query = new QueryDefinition("SELECT c.id FROM c WHERE c.tenant = @tenant AND c.kind = @kind AND c.episodeId = @episode")
                .WithParameter("@tenant", tenant).WithParameter("@kind", CosmosDocuments.InferenceKind).WithParameter("@episode", targetId);
            await foreach (var row in CosmosJson.QueryAsync(containers.Inferences, query, CosmosKeys.ForTenant(tenant), cancellationToken))
            {
                await SetOnInferenceAsync((string)row["id"]!, latest, "episodeMetrics", includeDemonstration: false, cancellationToken);
            }

            return;
        }

        await SetOnInferenceAsync(targetId, latest, "metrics", includeDemonstration: true, cancellationToken);
    }

    private Task SetOnInferenceAsync(string inferenceId, LatestFeedback latest, string property, bool includeDemonstration, CancellationToken cancellationToken) =>
        CosmosJson.UpdateAsync(containers.Inferences, inferenceId, CosmosKeys.ForId(tenant, inferenceId), current =>
        {
            if (current is null)
            {
                // Feedback for an inference not stored yet: it picks the summary up when written.
                return null;
            }

            latest.WriteTo(current, property, includeDemonstration);
            return current;
        }, cancellationToken);

    private Task Keyed(string kind, string id, Google.Protobuf.IMessage record, JsonObject? extra, CancellationToken cancellationToken) =>
        CosmosJson.UpsertAsync(containers.Records, CosmosDocuments.Keyed(tenant, kind, id, record, extra), CosmosKeys.ForKind(tenant, kind), cancellationToken);
}
