using InferenceGrpc.Api.Queries;
using InferenceGrpc.Api.Access;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Keys;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Query;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// inference.v1.InferenceResultService: Galtea's GET /inferenceResults over the shared query core,
/// and a stream of every matching result. With ids the call is strict, as Galtea's is
/// (api-compat-spec 2.5): after every filter, offset and limit, each distinct id asked for must
/// be among the results, or the call is NOT_FOUND naming the missing ones.
/// </summary>
public sealed class InferenceResultService(IInferenceStore store, InferenceResultQueryFactory factory, IOptions<QueryLimits> limits)
{
    private const int DefaultStreamPageSize = 100;

    public async Task<ListInferenceResultsResponse> ListInferenceResults(ListInferenceResultsRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Read);
        var query = factory.Create(request);
        var page = await store.QueryInferencesAsync(tenant, query, context.CancellationToken);
        RequireEveryId(query, page.Items);
        var response = new ListInferenceResultsResponse();
        response.InferenceResults.AddRange(page.Items.Select(r => r.Inference));
        return response;
    }

    public async Task StreamInferenceResults(StreamInferenceResultsRequest request, IServerStreamWriter<StreamInferenceResultsResponse> responses, ServerCallContext context)
    {
        var list = request.Query ?? new ListInferenceResultsRequest();
        var tenant = CallerAccess.Authorize(context, list.Project, AccessRole.Read);
        var query = factory.Create(list);
        var pageSize = request.PageSize == 0 ? DefaultStreamPageSize : (int)Math.Min(request.PageSize, int.MaxValue);
        if (pageSize > limits.Value.MaxPageSize)
        {
            throw QueryErrors.Invalid("page_size", $"page_size must be at most {limits.Value.MaxPageSize}, got {pageSize}");
        }

        var remaining = list.HasLimit ? query.Limit : int.MaxValue;
        if (query.ExternalIds is { } ids)
        {
            // Strict ids: the stream holds at most one result per id, so it is read whole and
            // checked before the first page is sent.
            var all = await store.QueryInferencesAsync(tenant, query with { Limit = Math.Min(remaining, ids.Count) }, context.CancellationToken);
            RequireEveryId(query, all.Items);
            foreach (var chunk in all.Items.Chunk(pageSize))
            {
                await responses.WriteAsync(Page(chunk), context.CancellationToken);
            }

            return;
        }

        while (remaining > 0)
        {
            // The next page is read only after the client took this one.
            var size = Math.Min(pageSize, remaining);
            var page = await store.QueryInferencesAsync(tenant, query with { Limit = size }, context.CancellationToken);
            if (page.Items.Count > 0)
            {
                await responses.WriteAsync(Page(page.Items), context.CancellationToken);
            }

            if (page.Items.Count < size)
            {
                return;
            }

            remaining -= size;
            query = After(query, page.Items);
        }
    }

    /// <summary>
    /// The query for the page after a full one. When createdAt leads the order (as by default) the
    /// next page starts at the last result's millisecond, so it is found through the created-time
    /// index however deep the stream is, skipping only the results of that millisecond already
    /// sent; any other order moves the offset.
    /// </summary>
    private static InferenceQuery After(InferenceQuery query, IReadOnlyList<InferenceResult> page)
    {
        if (query.OrderBy is not [{ Key: OrderKey.CreatedTime, Descending: var descending }, ..])
        {
            return query with { Offset = query.Offset + page.Count };
        }

        var last = CreatedMs(page[^1]);
        var boundary = DateTimeOffset.FromUnixTimeMilliseconds(last);
        var bound = (descending ? query.CreatedTo : query.CreatedFrom)?.ToUnixTimeMilliseconds();
        // A page that ends where it started lies wholly in one millisecond: keep counting within it.
        var skip = bound == last ? query.Offset + page.Count : page.Count(r => CreatedMs(r) == last);
        return descending
            ? query with { CreatedTo = boundary, Offset = skip }
            : query with { CreatedFrom = boundary, Offset = skip };
    }

    private static long CreatedMs(InferenceResult result) => result.Inference.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds();


    private static void RequireEveryId(InferenceQuery query, IEnumerable<InferenceResult> results)
    {
        if (query.ExternalIds is not { } ids)
        {
            return;
        }

        var found = results.Select(r => r.Inference.ExternalId).ToHashSet(StringComparer.Ordinal);
        var missing = ids.Where(id => !found.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            // Galtea's entity word for this endpoint is not documented [unverified].
            throw new RpcException(StatusCode.NotFound, "InferenceResults not found: " + string.Join(",", missing));
        }
    }

    private static StreamInferenceResultsResponse Page(IEnumerable<InferenceResult> results)
    {
        var page = new StreamInferenceResultsResponse();
        page.InferenceResults.AddRange(results.Select(r => r.Inference));
        return page;
    }
}
