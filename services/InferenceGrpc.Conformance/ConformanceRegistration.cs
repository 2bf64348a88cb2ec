using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Conformance;

public static class ConformanceRegistration
{
    /// <summary>Serves the conformance test services.</summary>
    public static GrpcProtocolBuilder AddConformanceServices(this GrpcProtocolBuilder builder)
    {
        builder.Services.AddSingleton<CallReports>();
        return builder
            .AddService<EchoService>(EchoServiceReflection.Descriptor.Services[0])
            .AddService<BookshelfService>(BookshelfServiceReflection.Descriptor.Services[0]);
    }
}
