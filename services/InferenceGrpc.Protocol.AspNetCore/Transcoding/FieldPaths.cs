using Google.Protobuf.Reflection;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>Dotted field paths ("book.name"), each step by proto name or JSON name.</summary>
internal static class FieldPaths
{
    /// <summary>The field at the end of the path, or null when a step does not exist.</summary>
    public static FieldDescriptor? Resolve(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        var current = message;
        foreach (var step in path.Split('.'))
        {
            if (current is null)
            {
                return null;
            }

            field = Find(current, step);
            if (field is null)
            {
                return null;
            }

            current = field.FieldType == FieldType.Message && !field.IsRepeated ? field.MessageType : null;
        }

        return field;
    }

    public static FieldDescriptor? Find(MessageDescriptor message, string name) =>
        message.FindFieldByName(name) ?? message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name);
}
