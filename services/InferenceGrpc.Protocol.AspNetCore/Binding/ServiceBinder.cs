using System.Reflection;
using Google.Protobuf.Reflection;
using InferenceGrpc.Protocol.AspNetCore.Pipeline;

namespace InferenceGrpc.Protocol.AspNetCore.Binding;

/// <summary>
/// Binds each method of a Protobuf service to the public method of the same name on a plain C#
/// class, checking the signature for the RPC kind at start-up:
/// <list type="bullet">
/// <item>unary: <c>Task&lt;TResponse&gt; Name(TRequest, ServerCallContext)</c></item>
/// <item>server streaming: <c>Task Name(TRequest, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c></item>
/// <item>client streaming: <c>Task&lt;TResponse&gt; Name(IAsyncEnumerable&lt;TRequest&gt;, ServerCallContext)</c></item>
/// <item>bidirectional: <c>Task Name(IAsyncEnumerable&lt;TRequest&gt;, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c></item>
/// </list>
/// A missing or mistyped method stops start-up with a message that shows the expected signature.
/// </summary>
internal static class ServiceBinder
{
    public static IEnumerable<ServiceMethodInvoker> Bind(ServiceRegistration registration)
    {
        foreach (var method in registration.Descriptor.Methods)
        {
            yield return BindMethod(registration.ImplementationType, method);
        }
    }

    private static ServiceMethodInvoker BindMethod(Type serviceType, MethodDescriptor method)
    {
        var request = method.InputType.ClrType;
        var response = method.OutputType.ClrType;
        var requestSide = method.IsClientStreaming ? typeof(IAsyncEnumerable<>).MakeGenericType(request) : request;
        var writer = typeof(IServerStreamWriter<>).MakeGenericType(response);

        Type[] parameters = method.IsServerStreaming
            ? [requestSide, writer, typeof(ServerCallContext)]
            : [requestSide, typeof(ServerCallContext)];
        var returnType = method.IsServerStreaming ? typeof(Task) : typeof(Task<>).MakeGenericType(response);

        var implementation = serviceType.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters);
        if (implementation is null || implementation.ReturnType != returnType)
        {
            var expected = $"{Name(returnType)} {method.Name}({string.Join(", ", parameters.Select(Name))})";
            throw new InvalidOperationException(
                $"{serviceType.Name} cannot serve {method.FullName}: it needs a public method '{expected}'.");
        }

        var (invokerDefinition, delegateType) = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => (typeof(UnaryMethodInvoker<,,>), typeof(Func<,,,>).MakeGenericType(serviceType, request, typeof(ServerCallContext), returnType)),
            (false, true) => (typeof(ServerStreamingMethodInvoker<,,>), typeof(Func<,,,,>).MakeGenericType(serviceType, request, writer, typeof(ServerCallContext), returnType)),
            (true, false) => (typeof(ClientStreamingMethodInvoker<,,>), typeof(Func<,,,>).MakeGenericType(serviceType, requestSide, typeof(ServerCallContext), returnType)),
            (true, true) => (typeof(DuplexStreamingMethodInvoker<,,>), typeof(Func<,,,,>).MakeGenericType(serviceType, requestSide, writer, typeof(ServerCallContext), returnType)),
        };

        // An open-instance delegate: called with the service instance resolved per call.
        var callable = Delegate.CreateDelegate(delegateType, implementation);
        var invokerType = invokerDefinition.MakeGenericType(serviceType, request, response);
        return (ServiceMethodInvoker)Activator.CreateInstance(invokerType, method, callable)!;
    }

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;
}
