using InferenceGrpc.Api.Access;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Api.Queries;
using InferenceGrpc.Storage.Evaluations;
using InferenceGrpc.Storage.Keys;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// inference.v1.EvaluationResultService: Weave's eval_results query (api-compat-spec 3.3) over
/// the evaluation store, the same rows streamed a page per message, and a project's runs. The
/// grouping needs every trial of the evaluations, so both read them all, group in memory, then
/// send; the runs are paged in memory the same way (the store sorts them, a project has few).
/// </summary>
public sealed class EvaluationResultService(IEvaluationStore store, IOptions<QueryLimits> limits)
{
    /// <summary>The warning Weave gives when dataset-row refs could not be resolved.</summary>
    public const string UnresolvedRefsWarning = "Failed to resolve dataset row refs; raw_data_row may contain refs";

    private const int DefaultStreamPageSize = 100;
    private const int DefaultRunsPageSize = 50;

    public async Task<QueryEvalResultsResponse> QueryEvalResults(QueryEvalResultsRequest request, ServerCallContext context)
    {
        var results = await EvaluateAsync(request.Query ?? new EvalResultsQuery(), context);
        var response = new QueryEvalResultsResponse { TotalRows = results.TotalRows, Summary = results.Summary };
        response.Rows.AddRange(results.Page);
        response.Warnings.AddRange(Warnings(results.Page, results.Options));
        return response;
    }

    public async Task StreamEvalResults(StreamEvalResultsRequest request, IServerStreamWriter<StreamEvalResultsResponse> responses, ServerCallContext context)
    {
        if (request.PageSize > limits.Value.MaxPageSize)
        {
            throw Invalid("page_size", $"page_size: at most {limits.Value.MaxPageSize}, got {request.PageSize}.");
        }

        var results = await EvaluateAsync(request.Query ?? new EvalResultsQuery(), context);
        var pageSize = request.PageSize == 0 ? DefaultStreamPageSize : (int)request.PageSize;
        var pages = results.Page.Chunk(pageSize).ToList();
        if (pages.Count == 0)
        {
            pages.Add([]);
        }

        for (var i = 0; i < pages.Count; i++)
        {
            var message = new StreamEvalResultsResponse { TotalRows = results.TotalRows, Summary = i == pages.Count - 1 ? results.Summary : null };
            message.Rows.AddRange(pages[i]);
            message.Warnings.AddRange(Warnings(pages[i], results.Options));
            await responses.WriteAsync(message, context.CancellationToken);
        }
    }

    public async Task<ListEvaluationRunsResponse> ListEvaluationRuns(ListEvaluationRunsRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Read);
        if (request.PageSize > limits.Value.MaxPageSize)
        {
            throw Invalid("page_size", $"page_size: at most {limits.Value.MaxPageSize}, got {request.PageSize}.");
        }

        var after = EvaluationRunCursor.Read(request.PageToken);
        var pageSize = request.PageSize == 0 ? DefaultRunsPageSize : (int)request.PageSize;
        var runs = await store.ListRunsAsync(tenant, context.CancellationToken);
        // One more than the page says whether a next page exists.
        var page = runs.SkipWhile(run => after is not null && EvaluationRunOrder.NewestFirst.Compare(run, after) <= 0).Take(pageSize + 1).ToList();
        var response = new ListEvaluationRunsResponse();
        response.Runs.AddRange(page.Take(pageSize));
        if (page.Count > pageSize)
        {
            response.NextPageToken = EvaluationRunCursor.After(page[pageSize - 1]);
        }

        return response;
    }

    private async Task<EvalResults> EvaluateAsync(EvalResultsQuery query, ServerCallContext context)
    {
        // Weave's {entity}/{project} path is our "entity/project" tenant, checked against the caller's key.
        var tenant = CallerAccess.Authorize(context, query.Entity + "/" + query.Project, AccessRole.Read);
        RejectUnsupported("sort_by", query.SortBy.Count);
        RejectUnsupported("filters", query.Filters.Count);
        var options = EvalResultsOptions.From(query);
        if (options.EvaluationIds.Count > limits.Value.MaxIds)
        {
            throw Invalid("evaluation_call_ids", $"At most {limits.Value.MaxIds} evaluation ids per call, got {options.EvaluationIds.Count}.");
        }

        if (options.EvaluationIds.Count == 0)
        {
            return new EvalResults(options, [], 0, options.IncludeSummary ? new EvalResultsSummary() : null);
        }

        var data = await store.ReadAsync(tenant, options.EvaluationIds, context.CancellationToken);
        var grouped = EvalRowGrouping.Group(data.Trials, options);
        List<EvalResultsRow> page = [];
        long total = 0;
        if (options.IncludeRows)
        {
            var selected = EvalRowSelection.Select(grouped, options.EvaluationIds, options.RequireIntersection);
            total = selected.Count;
            page = EvalRowSelection.Page(selected, options.Offset, options.Limit).ToList();
        }

        var summary = options.IncludeSummary
            ? EvalSummaryBuilder.Build(EvalRowSelection.Select(grouped, options.EvaluationIds, options.SummaryRequireIntersection), data.Runs, options.IncludeCosts)
            : null;
        return new EvalResults(options, page, total, summary);
    }

    /// <summary>
    /// Weave resolves dataset-row refs left in raw_data_row from its dataset tables. We store no
    /// dataset rows, so resolution always takes Weave's failure path: the refs stay and the
    /// page carries Weave's warning (README, Weave section).
    /// </summary>
    private static IEnumerable<string> Warnings(IEnumerable<EvalResultsRow> page, EvalResultsOptions options)
    {
        var hasRefs = options.IncludeRawDataRows && options.ResolveRowRefs && page.Any(row =>
            row.RawDataRow?.KindCase == Google.Protobuf.WellKnownTypes.Value.KindOneofCase.StringValue
            && row.RawDataRow.StringValue.Contains(RowDigest.RowRefMarker, StringComparison.Ordinal));
        return hasRefs ? [UnresolvedRefsWarning] : [];
    }

    /// <summary>sort_by and filters are accepted as fields but not implemented: refusing beats answering unsorted or unfiltered rows.</summary>
    private static void RejectUnsupported(string field, int count)
    {
        if (count > 0)
        {
            throw Invalid(field, $"{field} is not supported by this server; send null or an empty list.");
        }
    }

    private static RpcException Invalid(string field, string message) => new(RpcStatus.InvalidArgument(message, (field, message)));
}
