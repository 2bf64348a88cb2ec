using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Api.Weave;

public static class WeaveRegistration
{
    /// <summary>
    /// Serves EvaluationResultService with Weave's REST JSON. Needs an
    /// <see cref="Storage.Evaluations.IEvaluationStore"/> registered by the host.
    /// </summary>
    public static GrpcProtocolBuilder AddWeaveEvalResults(this GrpcProtocolBuilder grpc)
    {
        ArgumentNullException.ThrowIfNull(grpc);
        grpc.Services.Configure<GrpcServerOptions>(WeaveJsonShape.Register);
        return grpc.AddService<EvaluationResultService>(EvaluationResultServiceReflection.Descriptor.Services[0]);
    }
}
