using InferenceGrpc.Protocol.AspNetCore.Binding;
using InferenceGrpc.Protocol.AspNetCore.Grpc;
using InferenceGrpc.Protocol.AspNetCore.Health;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;
using InferenceGrpc.Protocol.AspNetCore.Pipeline;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>Wiring of the protocol layer into a host.</summary>
public static class GrpcProtocolExtensions
{
    /// <summary>The response headers a browser must be allowed to read for gRPC-Web to work.</summary>
    public static readonly string[] GrpcWebExposedHeaders =
        ["grpc-status", "grpc-message", "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding"];

    public static GrpcProtocolBuilder AddGrpcProtocol(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(sp => new ServiceMethodRegistry(sp.GetServices<ServiceRegistration>()));
        services.TryAddSingleton<HttpRouteTable>();
        services.TryAddSingleton(sp => new OpenApiDocumentProvider(sp.GetRequiredService<HttpRouteTable>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrpcServerOptions>>()));
        services.TryAddSingleton<ServerCallPipeline>();
        services.TryAddSingleton<StalledStreamGuard>();
        services.TryAddSingleton<GrpcRequestHandler>();
        services.TryAddSingleton<JsonRequestHandler>();
        services.TryAddSingleton<HealthStatusRegistry>();
        return new GrpcProtocolBuilder(services);
    }

    /// <summary>
    /// Serves gRPC, gRPC-Web and the REST routes of every registered service. Requests that are
    /// none of these go on to the rest of the pipeline.
    /// </summary>
    public static IApplicationBuilder UseGrpcProtocol(this IApplicationBuilder app) =>
        app.UseMiddleware<GrpcProtocolMiddleware>();

    /// <summary>
    /// A CORS policy for browsers on other origins: any header and method in, and the gRPC
    /// status headers readable, without which browsers report "missing trailers".
    /// </summary>
    public static CorsPolicyBuilder WithGrpcWeb(this CorsPolicyBuilder policy) =>
        policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(GrpcWebExposedHeaders).SetPreflightMaxAge(TimeSpan.FromDays(1));
}
