using Google.Protobuf.Reflection;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>
/// Calls one service method for one RPC kind: reads the request side from the transport, runs
/// the service code, writes the response side. Status and errors are the pipeline's business.
/// </summary>
internal abstract class ServiceMethodInvoker(MethodDescriptor descriptor)
{
    public MethodDescriptor Descriptor { get; } = descriptor;

    public abstract Task InvokeAsync(IServerCallTransport transport, ServerCallContext context);
}
