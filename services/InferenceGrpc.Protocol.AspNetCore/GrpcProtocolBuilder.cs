using InferenceGrpc.Protocol.AspNetCore.Binding;
using InferenceGrpc.Protocol.AspNetCore.Health;
using InferenceGrpc.Protocol.AspNetCore.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>Registers the services the protocol layer serves.</summary>
public sealed class GrpcProtocolBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>
    /// Serves <paramref name="descriptor"/> with <typeparamref name="TService"/>, resolved from
    /// the container per call (registered as a singleton here unless already registered).
    /// </summary>
    public GrpcProtocolBuilder AddService<TService>(Google.Protobuf.Reflection.ServiceDescriptor descriptor)
        where TService : class
    {
        Services.TryAddSingleton<TService>();
        Services.AddSingleton(new ServiceRegistration(typeof(TService), descriptor));
        return this;
    }

    /// <summary>Serves grpc.health.v1.Health, SERVING once started and NOT_SERVING from shutdown.</summary>
    public GrpcProtocolBuilder AddHealth()
    {
        Services.AddHostedService<HealthLifetimeService>();
        return AddService<HealthService>(global::Grpc.Health.V1.HealthReflection.Descriptor.Services[0]);
    }

    /// <summary>Serves server reflection, v1 and v1alpha.</summary>
    public GrpcProtocolBuilder AddReflection()
    {
        Services.TryAddSingleton<DescriptorIndex>();
        Services.TryAddSingleton(sp => new ReflectionService(sp.GetRequiredService<DescriptorIndex>()));
        Services.TryAddSingleton(sp => new ReflectionV1AlphaService(sp.GetRequiredService<ReflectionService>()));
        AddService<ReflectionService>(global::Grpc.Reflection.V1.ReflectionReflection.Descriptor.Services[0]);
        return AddService<ReflectionV1AlphaService>(global::Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0]);
    }
}
