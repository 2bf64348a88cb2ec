using Google.Protobuf.Reflection;

namespace InferenceGrpc.Protocol.AspNetCore.Binding;

/// <summary>A service class and the Protobuf service it implements.</summary>
public sealed record ServiceRegistration(Type ImplementationType, ServiceDescriptor Descriptor);
