using System.Collections;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>
/// Sets a field, addressed by a dotted path, from the text of a path segment or query value,
/// creating intermediate messages on the way. Conversions follow the proto3 JSON mapping:
/// enums by name or number, bytes as (URL-safe) base64, well-known types such as Timestamp in
/// their JSON string form.
/// </summary>
internal static class FieldValueBinder
{
    /// <exception cref="RpcException">INVALID_ARGUMENT naming <paramref name="parameter"/> when the text does not convert.</exception>
    public static void Bind(IMessage root, string path, string text, string parameter)
    {
        var steps = path.Split('.');
        var target = root;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            var step = FieldPaths.Find(target.Descriptor, steps[i])!;
            if (step.Accessor.GetValue(target) is not IMessage child)
            {
                child = (IMessage)Activator.CreateInstance(step.MessageType.ClrType)!;
                step.Accessor.SetValue(target, child);
            }

            target = child;
        }

        var field = FieldPaths.Find(target.Descriptor, steps[^1])!;
        var value = Convert(field, text, parameter);
        if (field.IsRepeated)
        {
            ((IList)field.Accessor.GetValue(target)).Add(value);
        }
        else
        {
            field.Accessor.SetValue(target, value);
        }
    }

    /// <summary>True when a field can take its value from one piece of text.</summary>
    public static bool IsBindable(FieldDescriptor field) =>
        !field.IsMap && (field.FieldType != FieldType.Message || field.MessageType.File.Package == "google.protobuf");

    private static object Convert(FieldDescriptor field, string text, string parameter)
    {
        try
        {
            return field.FieldType switch
            {
                FieldType.String => text,
                FieldType.Bool => text switch
                {
                    "true" or "True" or "1" => true,
                    "false" or "False" or "0" => false,
                    _ => throw new FormatException("expected true or false"),
                },
                FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                FieldType.UInt32 or FieldType.Fixed32 => uint.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
                FieldType.UInt64 or FieldType.Fixed64 => ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
                FieldType.Float => float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                FieldType.Double => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                FieldType.Enum => ConvertEnum(field.EnumType, text),
                FieldType.Bytes => ByteString.FromBase64(text.Replace('-', '+').Replace('_', '/').PadRight((text.Length + 3) / 4 * 4, '=')),
                FieldType.Message when IsBindable(field) => JsonParser.Default.Parse(JsonSerializer.Serialize(text), field.MessageType),
                _ => throw new FormatException("this field cannot be set from a single value"),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new RpcException(RpcStatus.InvalidArgument(
                $"Invalid value '{text}' for '{parameter}': {ex.Message}",
                (parameter, ex.Message)));
        }
    }

    private static object ConvertEnum(EnumDescriptor type, string text)
    {
        var number = type.FindValueByName(text)?.Number
            ?? (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"not a value of {type.Name}"));
        return Enum.ToObject(type.ClrType, number);
    }
}
