using InferenceGrpc.Api.Access;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Storage.Keys;
using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// inference.v1.GatewayMetricsService: TrueFoundry's metrics query, aggregated in the store.
/// The stream answers the same rows a page per message: the store computes the whole answer
/// (an aggregate is only known once every row is read), the stream keeps any one message small.
/// </summary>
public sealed class GatewayMetricsService(IMetricsStore store)
{
    private const int DefaultPageSize = 1000;

    public async Task<QueryMetricsResponse> QueryMetrics(QueryMetricsRequest request, ServerCallContext context)
    {
        var response = new QueryMetricsResponse();
        response.DataPoints.AddRange(await DataPointsAsync(request, context));
        return response;
    }

    public async Task StreamMetrics(StreamMetricsRequest request, IServerStreamWriter<StreamMetricsResponse> responses, ServerCallContext context)
    {
        var pageSize = request.PageSize == 0 ? DefaultPageSize : (int)Math.Min(request.PageSize, int.MaxValue);
        var points = await DataPointsAsync(request.Query ?? new QueryMetricsRequest(), context);
        // An empty answer is still one (empty) page, so a REST client reads one line.
        foreach (var page in points.Chunk(pageSize).DefaultIfEmpty([]))
        {
            await responses.WriteAsync(new StreamMetricsResponse { DataPoints = { page } }, context.CancellationToken);
        }
    }

    private async Task<IEnumerable<MetricsDataPoint>> DataPointsAsync(QueryMetricsRequest request, ServerCallContext context)
    {
        var tenant = CallerAccess.Authorize(context, request.Project, AccessRole.Read);
        var plan = MetricsRequestReader.Read(request);
        var rows = await store.QueryMetricsAsync(tenant, plan.Query, context.CancellationToken);
        return rows.Select(plan.ToDataPoint);
    }
}
