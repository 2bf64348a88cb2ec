using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol.AspNetCore.Binding;

namespace InferenceGrpc.Protocol.Tests;

public class ServiceBinderTests
{
    [Fact]
    public void Registry_ServiceWithMissingMethod_FailsAtStartupWithExpectedSignature()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceMethodRegistry(
            [new ServiceRegistration(typeof(IncompleteEchoService), EchoServiceReflection.Descriptor.Services[0])]));

        Assert.Contains("Task<EchoResponse> Echo(EchoRequest, ServerCallContext)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_ConformanceServices_BindsEveryMethodByPath()
    {
        var registry = new ServiceMethodRegistry(
            [new ServiceRegistration(typeof(InferenceGrpc.Conformance.EchoService), EchoServiceReflection.Descriptor.Services[0])]);

        Assert.Equal(7, registry.Methods.Count);
        Assert.True(registry.Methods.ContainsKey("/conformance.v1.EchoService/ServerStream"));
    }

    private sealed class IncompleteEchoService
    {
    }
}
