using Google.Rpc;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// The 400s of the metrics query (api-compat-spec 4.5). TrueFoundry does not document its error
/// body; ours is {"status": 400, "message": ..., "code": ...} [unverified choice]. Each error is
/// INVALID_ARGUMENT carrying the machine code as an ErrorInfo reason (domain
/// <see cref="Domain"/>), which the JSON shape writes as "code", and the request field in a
/// BadRequest detail for gRPC callers.
/// </summary>
internal static class MetricsErrors
{
    public const string Domain = "llm-gateway.metrics";

    public const string InvalidJson = "INVALID_JSON";
    public const string MissingField = "MISSING_FIELD";
    public const string InvalidTimestamp = "INVALID_TIMESTAMP";
    public const string InvalidTimeRange = "INVALID_TIME_RANGE";
    public const string UnsupportedDatasource = "UNSUPPORTED_DATASOURCE";
    public const string InvalidQueryType = "INVALID_QUERY_TYPE";
    public const string MissingInterval = "MISSING_INTERVAL";
    public const string InvalidInterval = "INVALID_INTERVAL";
    public const string TooManyBuckets = "TOO_MANY_BUCKETS";
    public const string InvalidAggregation = "INVALID_AGGREGATION";
    public const string TooManyAggregations = "TOO_MANY_AGGREGATIONS";
    public const string InvalidGroupBy = "INVALID_GROUP_BY";
    public const string InvalidFilter = "INVALID_FILTER";
    public const string UnsupportedFilterField = "UNSUPPORTED_FILTER_FIELD";
    public const string UnsupportedOperator = "UNSUPPORTED_OPERATOR";
    public const string InvalidFilterValue = "INVALID_FILTER_VALUE";

    public static RpcException Invalid(string code, string field, string message)
    {
        var badRequest = new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = message } } };
        var reason = new ErrorInfo { Reason = code, Domain = Domain };
        return new RpcException(new RpcStatus(StatusCode.InvalidArgument, message, [reason, badRequest]));
    }

    /// <summary>The machine code of a status: its ErrorInfo reason, else the gRPC code's name.</summary>
    public static string CodeOf(RpcStatus status) =>
        status.Details?.OfType<ErrorInfo>().FirstOrDefault()?.Reason ?? GrpcCodeName(status.Code);

    private static string GrpcCodeName(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
