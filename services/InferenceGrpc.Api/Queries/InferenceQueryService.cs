using InferenceGrpc.Api.Access;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;
using InferenceGrpc.Storage.Query;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Api.Queries;

/// <summary>
/// inference.v1.InferenceQueryService: TensorZero's get and list, a stream of every matching
/// page, and one inference's feedback. Newest-first streams page by keyset (the last id), so
/// each page costs the same however deep the stream is; other orders page by offset.
/// </summary>
public sealed class InferenceQueryService(IInferenceStore store, IFeedbackReader feedback, InferenceQueryFactory factory, PageTokenCodec tokens, IOptions<QueryLimits> limits)
{
    private const int DefaultLimit = 20;
    private const int DefaultStreamPageSize = 100;
    private const uint DefaultFeedbackLimit = 100;

    public async Task<GetInferencesResponse> GetInferences(GetInferencesRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Read);
        if (request.Ids.Count > limits.Value.MaxIds)
        {
            throw QueryErrors.Invalid("ids", $"ids: at most {limits.Value.MaxIds} per call, got {request.Ids.Count}");
        }

        var ids = request.Ids.Select((id, i) => InferenceQueryFactory.ParseId($"ids[{i}]", id)).ToList();
        if (ids.Count == 0)
        {
            // TensorZero answers an empty list at once, before looking at the function.
            return new GetInferencesResponse();
        }

        var function = request.HasFunctionName ? request.FunctionName : null;
        await factory.RequireFunctionAsync(tenant, function, context.CancellationToken);
        var source = InferenceQueryFactory.Convert(request.OutputSource);
        var results = await store.GetInferencesAsync(tenant, ids, source, context.CancellationToken);
        var response = new GetInferencesResponse();
        response.Inferences.AddRange(results
            .Where(r => function is null || r.Inference.FunctionName == function)
            .Select(r => StoredInferences.From(r, source)));
        return response;
    }

    public async Task<ListInferencesResponse> ListInferences(ListInferencesRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Read);
        var selection = request.Selection ?? new InferenceSelection();
        var cursor = request.PageToken.Length == 0 ? (PageCursor?)null : tokens.Read(request.PageToken, tenant, selection);
        if (cursor is not null && (request.HasBefore || request.HasAfter || request.HasOffset))
        {
            throw QueryErrors.Invalid("page_token", "page_token cannot be combined with before, after or offset: the token already says where the page starts");
        }

        var paging = new Paging(
            request.HasLimit ? (int)Math.Min(request.Limit, int.MaxValue) : DefaultLimit,
            request.HasOffset ? request.Offset : cursor is { Before: null } offset ? (uint)offset.Offset : null,
            request.HasBefore ? request.Before : cursor?.Before is { } before ? Uuid7.Format(before) : null,
            request.HasAfter ? request.After : null);
        var query = await factory.CreateAsync(tenant, selection, paging, context.CancellationToken) with { IncludeTotalCount = request.IncludeTotalCount };
        var page = await store.QueryInferencesAsync(tenant, query, context.CancellationToken);

        var response = new ListInferencesResponse { NextPageToken = NextToken(tenant, selection, query, page) };
        response.Inferences.AddRange(page.Items.Select(r => StoredInferences.From(r, query.OutputSource)));
        if (page.TotalCount is { } total)
        {
            response.TotalCount = total;
        }

        return response;
    }

    public async Task StreamInferences(StreamInferencesRequest request, IServerStreamWriter<StreamInferencesResponse> responses, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Read);
        var selection = request.Selection ?? new InferenceSelection();
        var cursor = request.PageToken.Length == 0 ? (PageCursor?)null : tokens.Read(request.PageToken, tenant, selection);
        var pageSize = request.PageSize == 0 ? DefaultStreamPageSize : (int)Math.Min(request.PageSize, int.MaxValue);
        var paging = new Paging(pageSize, cursor is { Before: null } offset ? (uint)offset.Offset : null, cursor?.Before is { } before ? Uuid7.Format(before) : null, null);
        var query = await factory.CreateAsync(tenant, selection, paging, context.CancellationToken);

        while (true)
        {
            // The next page is read only after the previous one was taken by the client: a slow
            // reader slows the store reads instead of growing server memory.
            var page = await store.QueryInferencesAsync(tenant, query, context.CancellationToken);
            var next = NextToken(tenant, selection, query, page);
            var message = new StreamInferencesResponse { NextPageToken = next };
            message.Inferences.AddRange(page.Items.Select(r => StoredInferences.From(r, query.OutputSource)));
            await responses.WriteAsync(message, context.CancellationToken);
            if (next.Length == 0)
            {
                return;
            }

            query = Advance(query, page);
        }
    }

    /// <summary>
    /// The inference's own feedback and, in a list of its own, its episode's: each newest first
    /// and cut to the limit. The inference is looked up first, so an id of another project (or
    /// none) is NOT_FOUND rather than an empty answer.
    /// </summary>
    public async Task<GetInferenceFeedbackResponse> GetInferenceFeedback(GetInferenceFeedbackRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Read);
        var id = InferenceQueryFactory.ParseId("inference_id", request.InferenceId);
        var limit = request.HasLimit ? request.Limit : DefaultFeedbackLimit;
        if (limit > limits.Value.MaxPageSize)
        {
            throw QueryErrors.Invalid("limit", $"limit: must be between 0 and {limits.Value.MaxPageSize}, got {limit}");
        }

        var found = await store.GetInferencesAsync(tenant, [id], Storage.Query.OutputSource.None, context.CancellationToken);
        var inference = found.Count == 1 ? found[0].Inference : throw QueryErrors.UnknownInference(request.InferenceId);
        var response = new GetInferenceFeedbackResponse { EpisodeId = inference.EpisodeId };
        response.InferenceFeedback.AddRange(await feedback.ReadByTargetAsync(tenant, id, (int)limit, context.CancellationToken));
        if (inference.EpisodeId.Length > 0)
        {
            response.EpisodeFeedback.AddRange(await feedback.ReadByTargetAsync(tenant, Guid.Parse(inference.EpisodeId), (int)limit, context.CancellationToken));
        }

        return response;
    }

    /// <summary>The token for the page after this one; empty when this page was not full.</summary>
    private string NextToken(TenantId tenant, InferenceSelection selection, InferenceQuery query, InferencePage page)
    {
        if (query.Limit == 0 || page.Items.Count < query.Limit)
        {
            return string.Empty;
        }

        var next = Advance(query, page);
        return tokens.Issue(tenant, selection, new PageCursor(next.Before, next.Offset));
    }

    private static InferenceQuery Advance(InferenceQuery query, InferencePage page) =>
        IsKeyset(query)
            ? query with { Before = Guid.Parse(page.Items[^1].Inference.Id), Offset = 0 }
            : query with { Offset = query.Offset + page.Items.Count };

    /// <summary>Newest first by id, walking older: the next page is simply "before the last id".</summary>
    private static bool IsKeyset(InferenceQuery query) => query.OrderBy.Count == 0 && query.After is null;
}
