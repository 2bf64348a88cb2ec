using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Api.Galtea;

/// <summary>Serves Galtea's inference-results API: the service, its query factory and its JSON shape.</summary>
internal static class GalteaRegistration
{
    public static GrpcProtocolBuilder AddGalteaApi(this GrpcProtocolBuilder grpc)
    {
        grpc.Services.AddSingleton<InferenceResultQueryFactory>();
        grpc.Services.Configure<GrpcServerOptions>(GalteaJsonShape.Register);
        return grpc.AddService<InferenceResultService>(InferenceResultServiceReflection.Descriptor.Services[0]);
    }
}
