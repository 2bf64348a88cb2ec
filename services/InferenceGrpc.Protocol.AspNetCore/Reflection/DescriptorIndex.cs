using Google.Protobuf.Reflection;
using InferenceGrpc.Protocol.AspNetCore.Binding;

namespace InferenceGrpc.Protocol.AspNetCore.Reflection;

/// <summary>
/// Every file a registered service depends on, and every symbol in them, indexed once for the
/// reflection service: by file name, by fully qualified symbol, and extensions by type and number.
/// </summary>
internal sealed class DescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, int Number), FileDescriptor> _extensions = [];

    public DescriptorIndex(ServiceMethodRegistry registry)
    {
        Services = registry.Services.Select(s => s.FullName).ToList();
        foreach (var service in registry.Services)
        {
            AddFile(service.File);
        }
    }

    public IReadOnlyList<string> Services { get; }

    public FileDescriptor? FindFile(string name) => _files.GetValueOrDefault(name);

    public FileDescriptor? FindSymbol(string symbol) => _symbols.GetValueOrDefault(symbol.TrimStart('.'));

    public FileDescriptor? FindExtension(string type, int number) => _extensions.GetValueOrDefault((type.TrimStart('.'), number));

    public IEnumerable<int> ExtensionNumbers(string type) =>
        _extensions.Keys.Where(k => k.Type == type.TrimStart('.')).Select(k => k.Number).Order();

    /// <summary>A file and all it imports, each once, the asked-for file first.</summary>
    public static IEnumerable<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>([file]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next.Name))
            {
                continue;
            }

            yield return next;
            foreach (var dependency in next.Dependencies.Reverse())
            {
                pending.Push(dependency);
            }
        }
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            _symbols[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                _symbols[method.FullName] = file;
            }
        }

        AddTypes(file.MessageTypes, file.EnumTypes, file.Extensions.UnorderedExtensions, file);
        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    /// <summary>Indexes messages (with their nested types), enums and extensions declared in one scope.</summary>
    private void AddTypes(IEnumerable<MessageDescriptor> messages, IEnumerable<EnumDescriptor> enums, IEnumerable<FieldDescriptor> extensions, FileDescriptor file)
    {
        foreach (var message in messages)
        {
            _symbols[message.FullName] = file;
            AddTypes(message.NestedTypes, message.EnumTypes, message.Extensions.UnorderedExtensions, file);
        }

        foreach (var enumType in enums)
        {
            _symbols[enumType.FullName] = file;
        }

        foreach (var extension in extensions)
        {
            _symbols[extension.FullName] = file;
            _extensions[(extension.ExtendeeType.FullName, extension.FieldNumber)] = file;
        }
    }
}
