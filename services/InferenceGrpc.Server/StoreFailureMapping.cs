using System.Net;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Protocol;
using InferenceGrpc.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Data.Sqlite;

namespace InferenceGrpc.Server;

/// <summary>
/// What a store failure means to a caller. Cosmos throttling (429) that outlasted the SDK's own
/// retries is RESOURCE_EXHAUSTED with a RetryInfo carrying the server's retry-after; an outage or
/// timeout is UNAVAILABLE, which clients may retry; a query over a store limit is
/// FAILED_PRECONDITION: it has to change before it can succeed.
/// </summary>
internal static class StoreFailureMapping
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static RpcStatus? ToStatus(Exception exception) => exception switch
    {
        StoreLimitException limit => new RpcStatus(StatusCode.FailedPrecondition, limit.Message),
        CosmosException { StatusCode: HttpStatusCode.TooManyRequests } throttled => new RpcStatus(
            StatusCode.ResourceExhausted,
            "The store is throttling requests; retry after the delay in RetryInfo.",
            [new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(throttled.RetryAfter ?? TimeSpan.FromSeconds(1)) }]),
        CosmosException { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout or HttpStatusCode.Gone } =>
            new RpcStatus(StatusCode.Unavailable, "The store is unavailable; retry shortly."),
        HttpRequestException => new RpcStatus(StatusCode.Unavailable, "The store cannot be reached; retry shortly."),
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => new RpcStatus(StatusCode.Unavailable, "The store is busy; retry shortly."),
        _ => null,
    };
}
