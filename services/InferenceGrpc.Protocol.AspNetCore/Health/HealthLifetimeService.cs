using InferenceGrpc.Protocol.AspNetCore.Binding;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace InferenceGrpc.Protocol.AspNetCore.Health;

/// <summary>
/// Marks the server and every registered service SERVING once the host has started, and
/// NOT_SERVING as soon as shutdown begins, so load balancers drain the instance before it goes.
/// </summary>
internal sealed class HealthLifetimeService(HealthStatusRegistry registry, ServiceMethodRegistry methods, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            registry.SetStatus(string.Empty, ServingStatus.Serving);
            foreach (var service in methods.Services)
            {
                registry.SetStatus(service.FullName, ServingStatus.Serving);
            }
        });
        lifetime.ApplicationStopping.Register(() => registry.SetAll(ServingStatus.NotServing));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
