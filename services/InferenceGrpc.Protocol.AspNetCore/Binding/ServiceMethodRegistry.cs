using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using InferenceGrpc.Protocol.AspNetCore.Pipeline;

namespace InferenceGrpc.Protocol.AspNetCore.Binding;

/// <summary>Every bound method, by its gRPC path "/package.Service/Method"; built once at start-up.</summary>
internal sealed class ServiceMethodRegistry
{
    public ServiceMethodRegistry(IEnumerable<ServiceRegistration> registrations)
    {
        var list = registrations.ToList();
        var duplicate = list.GroupBy(r => r.Descriptor.FullName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The service {duplicate.Key} is registered more than once.");
        }

        Services = list.Select(r => r.Descriptor).ToList();
        Methods = list.SelectMany(ServiceBinder.Bind).ToFrozenDictionary(m => "/" + m.Descriptor.Service.FullName + "/" + m.Descriptor.Name, StringComparer.Ordinal);
    }

    /// <summary>The registered services, in registration order.</summary>
    public IReadOnlyList<ServiceDescriptor> Services { get; }

    public FrozenDictionary<string, ServiceMethodInvoker> Methods { get; }
}
