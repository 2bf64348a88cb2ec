using InferenceGrpc.Protocol.AspNetCore.Health;
using InferenceGrpc.Storage;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace InferenceGrpc.Server;

/// <summary>
/// Checks the store every <see cref="StoreHealthOptions.Interval"/> and reports it through gRPC
/// health: NOT_SERVING for every service once <see cref="StoreHealthOptions.FailuresBeforeDown"/>
/// checks in a row fail or take longer than <see cref="StoreHealthOptions.Timeout"/>, SERVING
/// again as soon as one passes, so load balancers
/// route around an instance whose store is down and back to it when it recovers on its own;
/// meanwhile <see cref="StoreAvailabilityGate"/> fails calls fast.
/// Nothing is marked SERVING once shutdown has begun.
/// </summary>
internal sealed partial class StoreHealthMonitor(
    IInferenceStore store, StoreAvailability availability, HealthStatusRegistry health, Microsoft.Extensions.Options.IOptions<StoreHealthOptions> options, IHostApplicationLifetime lifetime, ILogger<StoreHealthMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Interval);
        var healthy = true;
        var failures = 0;
        do
        {
            failures = await CheckAsync(stoppingToken) ? 0 : failures + 1;
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return;
            }

            // Set on every tick, not only on change: the registry raises events only for real
            // changes, and this way nothing else can leave a stale SERVING behind.
            var now = failures < options.Value.FailuresBeforeDown;
            availability.IsAvailable = now;
            health.SetAll(now ? ServingStatus.Serving : ServingStatus.NotServing);
            if (now != healthy)
            {
                StoreHealthChanged(logger, now ? "reachable again" : "unreachable");
            }

            healthy = now;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> CheckAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            await store.CheckHealthAsync(timeout.Token).WaitAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            StoreCheckFailed(logger, ex);
            return false;
        }
    }

    // The first check runs once the host has started, after health marked everything SERVING.
    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The store is {State}; health reports it.")]
    private static partial void StoreHealthChanged(ILogger logger, string state);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "A store health check failed.")]
    private static partial void StoreCheckFailed(ILogger logger, Exception exception);
}
