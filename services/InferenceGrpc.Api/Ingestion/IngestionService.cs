using InferenceGrpc.Api.Access;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;

namespace InferenceGrpc.Api.Ingestion;

/// <summary>
/// inference.v1.IngestionService: validates each batch whole (every bad field named), then
/// stores it in one durable transaction before answering.
/// </summary>
public sealed class IngestionService(IInferenceStore store, TimeProvider clock)
{
    public async Task<WriteRecordsResponse> WriteRecords(WriteRecordsRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Write);
        var batch = await ValidateAsync(tenant, request.Records, context.CancellationToken);
        await store.WriteAsync(tenant, batch, context.CancellationToken);
        var response = new WriteRecordsResponse { Counts = Count(batch) };
        response.Ids.AddRange(IdsInRequestOrder(request.Records, batch));
        return response;
    }

    public async Task<StreamRecordsResponse> StreamRecords(IAsyncEnumerable<StreamRecordsRequest> requests, ServerCallContext context)
    {
        TenantId? tenant = null;
        var response = new StreamRecordsResponse { Counts = new WriteCounts() };
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            if (tenant is null)
            {
                tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Write);
            }
            else if (request.Project.Length > 0 && request.Project != tenant.Value.Value)
            {
                throw new RpcException(RpcStatus.InvalidArgument(
                    $"Batch {response.Batches} names project '{request.Project}', but the stream is for '{tenant}'.", ("project", "differs from the first batch")));
            }

            var batch = await ValidateAsync(tenant.Value, request.Records, context.CancellationToken);
            await store.WriteAsync(tenant.Value, batch, context.CancellationToken);
            Add(response.Counts, Count(batch));
            response.Batches++;
        }

        return response;
    }

    private async Task<RecordBatch> ValidateAsync(TenantId tenant, IReadOnlyList<Record> records, CancellationToken cancellationToken)
    {
        var metrics = await store.GetMetricDefinitionsAsync(tenant, cancellationToken);
        try
        {
            return RecordValidator.Validate(records, metrics, clock.GetUtcNow());
        }
        catch (RecordValidationException ex)
        {
            throw RequestErrors.Invalid(ex);
        }
    }

    private static WriteCounts Count(RecordBatch batch) => new()
    {
        Inferences = batch.Inferences.Count,
        Feedback = batch.Feedback.Count,
        MetricDefinitions = batch.MetricDefinitions.Count,
        EvaluationRuns = batch.EvaluationRuns.Count,
        EvaluationTrials = batch.EvaluationTrials.Count,
        InferenceEvaluations = batch.InferenceEvaluations.Count,
    };

    private static void Add(WriteCounts total, WriteCounts more)
    {
        total.Inferences += more.Inferences;
        total.Feedback += more.Feedback;
        total.MetricDefinitions += more.MetricDefinitions;
        total.EvaluationRuns += more.EvaluationRuns;
        total.EvaluationTrials += more.EvaluationTrials;
        total.InferenceEvaluations += more.InferenceEvaluations;
    }

    /// <summary>The validator fills ids in per kind, in request order; walk the request to interleave them back.</summary>
    private static IEnumerable<string> IdsInRequestOrder(IReadOnlyList<Record> records, RecordBatch batch)
    {
        int inference = 0, feedback = 0, metric = 0, run = 0, trial = 0, evaluation = 0;
        foreach (var record in records)
        {
            yield return record.KindCase switch
            {
                Record.KindOneofCase.Inference => batch.Inferences[inference++].Id,
                Record.KindOneofCase.Feedback => batch.Feedback[feedback++].Id,
                Record.KindOneofCase.MetricDefinition => batch.MetricDefinitions[metric++].Name,
                Record.KindOneofCase.EvaluationRun => batch.EvaluationRuns[run++].Id,
                Record.KindOneofCase.EvaluationTrial => batch.EvaluationTrials[trial++].Id,
                _ => batch.InferenceEvaluations[evaluation++].Id,
            };
        }
    }
}
