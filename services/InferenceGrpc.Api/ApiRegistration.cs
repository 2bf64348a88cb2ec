using System.Security.Cryptography;
using InferenceGrpc.Api.Access;
using InferenceGrpc.Api.Galtea;
using InferenceGrpc.Api.Ingestion;
using InferenceGrpc.Api.Keys;
using InferenceGrpc.Api.Queries;
using InferenceGrpc.Api.TensorZero;
using InferenceGrpc.Api.TrueFoundry;
using InferenceGrpc.Api.Weave;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Api;

public static class ApiRegistration
{
    /// <summary>
    /// Serves the product's APIs: ingestion and inference queries. Page tokens are signed with
    /// <c>Query:PageTokenKey</c> (base64, at least 32 bytes); without it a random key is made at
    /// start, so tokens do not survive a restart or cross replicas.
    /// </summary>
    public static GrpcProtocolBuilder AddInferenceApi(this GrpcProtocolBuilder grpc, IConfiguration configuration)
    {
        var services = grpc.Services;
        services.Configure<QueryLimits>(configuration.GetSection(QueryLimits.Section));
        services.AddSingleton<InferenceQueryFactory>();
        services.AddSingleton(new PageTokenCodec(PageTokenKey(configuration)));
        services.Configure<GrpcServerOptions>(TensorZeroJsonShape.Register);
        services.Configure<GrpcServerOptions>(TrueFoundryJsonShape.Register);
        services.AddApiKeys(configuration);
        return grpc
            .AddService<ApiKeyService>(ApiKeyServiceReflection.Descriptor.Services[0])
            .AddService<IngestionService>(IngestionServiceReflection.Descriptor.Services[0])
            .AddService<InferenceQueryService>(InferenceQueryServiceReflection.Descriptor.Services[0])
            .AddService<GatewayMetricsService>(GatewayMetricsServiceReflection.Descriptor.Services[0])
            .AddGalteaApi()
            .AddWeaveEvalResults();
    }

    // Keys authenticate every call through the pipeline's authorizer; the store's key facet is
    // registered with the store.
    private static void AddApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        services.AddSingleton<ApiKeyDirectory>();
        services.AddSingleton<ApiKeyIssuer>();
        services.Configure<CallLimitOptions>(configuration.GetSection(CallLimitOptions.Section));
        // Order matters: the limiter counts per key, so authentication runs first.
        services.AddSingleton<ICallAuthorizer, ApiKeyCallAuthorizer>();
        services.AddSingleton<ICallAuthorizer, CallLimiter>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
    }

    private static byte[] PageTokenKey(IConfiguration configuration)
    {
        var configured = configuration[$"{QueryLimits.Section}:PageTokenKey"];
        if (string.IsNullOrEmpty(configured))
        {
            return RandomNumberGenerator.GetBytes(32);
        }

        var key = Convert.FromBase64String(configured);
        return key.Length >= 32 ? key : throw new InvalidOperationException("Query:PageTokenKey must be at least 32 bytes, base64-encoded.");
    }
}
