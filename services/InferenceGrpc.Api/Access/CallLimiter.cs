using System.Threading.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Api.Access;

/// <summary>
/// Per-caller limits, applied after authentication: a token bucket of calls (the rate limiter of
/// System.Threading.RateLimiting, which ASP.NET Core's middleware is built on, run here so the
/// refusal is a status each front-end writes in its own shape: RESOURCE_EXHAUSTED, HTTP 429) and
/// a cap on open streams, whose slot is held until the response ends. The caller is the API key,
/// or the remote address when no key is sent. Health checks are never limited.
/// </summary>
internal sealed class CallLimiter : ICallAuthorizer, IDisposable
{
    private readonly CallLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _calls;
    private readonly PartitionedRateLimiter<string> _streams;

    public CallLimiter(IOptions<CallLimitOptions> options)
    {
        _options = options.Value;
        _calls = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.BurstRequests,
            TokensPerPeriod = _options.RequestsPerPeriod,
            ReplenishmentPeriod = _options.RatePeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _streams = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.ConcurrentStreamsPerCaller,
            QueueLimit = 0,
        }));
    }

    public ValueTask<RpcStatus?> AuthorizeAsync(ServerCallContext context)
    {
        var caller = Caller(context);
        using var call = _calls.AttemptAcquire(caller);
        if (!call.IsAcquired)
        {
            var retryAfter = call.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _options.RatePeriod;
            return ValueTask.FromResult<RpcStatus?>(Exhausted(
                $"Too many calls from this caller: at most {_options.RequestsPerPeriod} per {_options.RatePeriod} (bursts of {_options.BurstRequests}).", retryAfter));
        }

        if (context.MethodDescriptor is { IsClientStreaming: true } or { IsServerStreaming: true })
        {
            var stream = _streams.AttemptAcquire(caller);
            if (!stream.IsAcquired)
            {
                stream.Dispose();
                return ValueTask.FromResult<RpcStatus?>(Exhausted(
                    $"Too many open streams for this caller: at most {_options.ConcurrentStreamsPerCaller} at once; finish or cancel one first.", TimeSpan.FromSeconds(1)));
            }

            // The slot is freed when the response is over, however the call ends.
            context.HttpContext.Response.RegisterForDispose(stream);
        }

        return ValueTask.FromResult<RpcStatus?>(null);
    }

    public void Dispose()
    {
        _calls.Dispose();
        _streams.Dispose();
    }

    private static string Caller(ServerCallContext context) =>
        ApiKeyClaims.Read(context.HttpContext.User) is { } key ? "key:" + key.KeyId : "address:" + context.HttpContext.Connection.RemoteIpAddress;

    private static RpcStatus Exhausted(string message, TimeSpan retryAfter) =>
        new(StatusCode.ResourceExhausted, message, [new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }]);
}
