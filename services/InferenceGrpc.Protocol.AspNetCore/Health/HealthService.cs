using System.Threading.Channels;
using Grpc.Health.V1;

namespace InferenceGrpc.Protocol.AspNetCore.Health;

/// <summary>grpc.health.v1.Health (grpc doc/health-checking.md), backed by <see cref="HealthStatusRegistry"/>.</summary>
public sealed class HealthService(HealthStatusRegistry registry)
{
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (registry.GetStatus(request.Service) is not { } status)
        {
            throw new RpcException(StatusCode.NotFound, $"Service '{request.Service}' is unknown.");
        }

        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    /// <summary>Sends the current status at once, then every change, until the client leaves.</summary>
    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        // Only the latest status matters, so a slow watcher skips intermediate changes.
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnChanged(string service)
        {
            if (service == request.Service)
            {
                changes.Writer.TryWrite(true);
            }
        }

        registry.Changed += OnChanged;
        try
        {
            var last = registry.ToResponse(request.Service);
            await responses.WriteAsync(last, context.CancellationToken).ConfigureAwait(false);
            while (await changes.Reader.WaitToReadAsync(context.CancellationToken).ConfigureAwait(false))
            {
                changes.Reader.TryRead(out _);
                var current = registry.ToResponse(request.Service);
                if (current.Status != last.Status)
                {
                    await responses.WriteAsync(current, context.CancellationToken).ConfigureAwait(false);
                    last = current;
                }
            }
        }
        finally
        {
            registry.Changed -= OnChanged;
        }
    }
}
