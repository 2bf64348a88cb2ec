using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace InferenceGrpc.Client;

/// <summary>
/// A callable gRPC method: its HTTP path, its shape and the parser of each side. Made from the
/// generated <see cref="MethodDescriptor"/> and checked against the message types, so a call can
/// never be sent with the wrong request type or read with the wrong parser.
/// </summary>
/// <typeparam name="TRequest">The generated request message type.</typeparam>
/// <typeparam name="TResponse">The generated response message type.</typeparam>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    /// <summary>Describes a method of a generated service.</summary>
    /// <exception cref="ArgumentException">The descriptor's message types are not <typeparamref name="TRequest"/> and <typeparamref name="TResponse"/>.</exception>
    public Method(MethodDescriptor descriptor)
        : this(Check(descriptor).Service.FullName, descriptor.Name, TypeOf(descriptor))
    {
    }

    /// <summary>Describes the method called <paramref name="methodName"/> of a generated service.</summary>
    /// <exception cref="ArgumentException">The service has no such method, or its types differ.</exception>
    public Method(ServiceDescriptor service, string methodName)
        : this(Find(service, methodName))
    {
    }

    /// <summary>
    /// Describes a method by name alone, for a method the client has no descriptor of (a call to a
    /// method the server may not serve, or a hand-written contract).
    /// </summary>
    public Method(string serviceName, string methodName, MethodType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        ServiceName = serviceName;
        Name = methodName;
        FullName = serviceName + "/" + methodName;
        Path = "/" + FullName;
        Type = type;
    }

    /// <summary>"package.Service/Method".</summary>
    public string FullName { get; }

    /// <summary>The fully qualified service name, "package.Service".</summary>
    public string ServiceName { get; }

    /// <summary>The method name alone.</summary>
    public string Name { get; }

    /// <summary>The request path, "/package.Service/Method".</summary>
    public string Path { get; }

    /// <summary>Which sides stream.</summary>
    public MethodType Type { get; }

    /// <summary>Parses response messages.</summary>
    public MessageParser<TResponse> ResponseParser { get; } = new(() => new TResponse());

    /// <summary>Parses request messages (useful to tests and proxies).</summary>
    public MessageParser<TRequest> RequestParser { get; } = new(() => new TRequest());

    /// <inheritdoc />
    public override string ToString() => Path;

    private static MethodDescriptor Check(MethodDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        CheckType(descriptor, descriptor.InputType, typeof(TRequest), "request");
        CheckType(descriptor, descriptor.OutputType, typeof(TResponse), "response");
        return descriptor;
    }

    private static MethodType TypeOf(MethodDescriptor descriptor) => (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        (true, true) => MethodType.DuplexStreaming,
    };

    private static MethodDescriptor Find(ServiceDescriptor service, string methodName)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.FindMethodByName(methodName)
            ?? throw new ArgumentException($"Service '{service.FullName}' has no method '{methodName}'.", nameof(methodName));
    }

    private static void CheckType(MethodDescriptor descriptor, MessageDescriptor message, Type expected, string side)
    {
        if (message.ClrType != expected)
        {
            throw new ArgumentException(
                $"Method '{descriptor.FullName}' takes {message.FullName} ({message.ClrType?.FullName ?? "no generated type"}) as its {side}, not {expected.FullName}.",
                nameof(descriptor));
        }
    }
}
