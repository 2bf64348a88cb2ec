using InferenceGrpc.Protocol;

namespace InferenceGrpc.Api.Queries;

/// <summary>
/// Query errors with TensorZero's texts (api-compat-spec 1.8), so its clients see what they
/// expect; each names the request field in a BadRequest detail for gRPC callers.
/// </summary>
internal static class QueryErrors
{
    public static RpcException Invalid(string field, string message) =>
        new(RpcStatus.InvalidArgument(message, (field, message)));

    public static RpcException BothCursors() =>
        Invalid("before", "Cannot specify both 'before' and 'after' parameters");

    public static RpcException CursorWithOffset() =>
        Invalid("offset", "Cannot use 'offset' with cursor pagination ('before' or 'after')");

    public static RpcException CursorWithMetricOrder(string metric) =>
        Invalid("order_by", $"Cannot order by metric '{metric}'; only ordering by timestamp is supported with before/after pagination.");

    public static RpcException CursorWithRelevanceOrder() =>
        Invalid("order_by", "Cannot order by search relevance; only ordering by timestamp is supported with before/after pagination.");

    public static RpcException MetricOrderWithoutFunction(string metric) =>
        Invalid("order_by", $"ORDER BY metric '{metric}' is not supported when querying without function_name");

    public static RpcException RelevanceWithoutSearch() =>
        Invalid("order_by", "ORDER BY search_relevance requires search_query_experimental to be provided");

    public static RpcException UnknownMetric(string field, string metric) =>
        Invalid(field, $"Invalid metric name: {metric}");

    public static RpcException UnknownFunction(string function) =>
        new(StatusCode.NotFound, $"Unknown function: {function}");

    public static RpcException UnknownInference(string id) =>
        new(StatusCode.NotFound, $"Unknown inference: {id}");

    public static RpcException BadUuid(string field, string value) =>
        Invalid(field, $"{field}: UUID parsing failed: '{value}' is not a UUID");
}
