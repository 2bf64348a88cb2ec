using InferenceGrpc.Client;
using InferenceGrpc.Conformance.V1;
using Google.Protobuf.Reflection;

namespace InferenceGrpc.Client.Tests;

/// <summary>The conformance.v1.EchoService methods, made once from the generated descriptor.</summary>
internal static class EchoMethods
{
    private static readonly ServiceDescriptor Service = EchoServiceReflection.Descriptor.Services[0];

    public static readonly Method<EchoRequest, EchoResponse> Echo = new(Service, "Echo");
    public static readonly Method<ServerStreamRequest, ServerStreamResponse> ServerStream = new(Service, "ServerStream");
    public static readonly Method<ClientStreamRequest, ClientStreamResponse> ClientStream = new(Service, "ClientStream");
    public static readonly Method<BidiEchoRequest, BidiEchoResponse> BidiEcho = new(Service, "BidiEcho");
    public static readonly Method<FailRequest, FailResponse> Fail = new(Service, "Fail");
    public static readonly Method<SlowRequest, SlowResponse> Slow = new(Service, "Slow");
    public static readonly Method<GetCallReportRequest, GetCallReportResponse> GetCallReport = new(Service, "GetCallReport");
}
