using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.Client;

/// <summary>
/// Decodes <c>grpc-status-details-bin</c>: a serialized google.rpc.Status whose details are
/// <see cref="Any"/> messages, unpacked into their own types where the client knows them.
/// </summary>
public static class StatusDetails
{
    /// <summary>The types of google/rpc/error_details.proto: BadRequest, ErrorInfo, RetryInfo.</summary>
    public static TypeRegistry DefaultTypes { get; } = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor);

    /// <summary>
    /// The details carried by a serialized google.rpc.Status, each unpacked when
    /// <paramref name="types"/> knows its type and left as <see cref="Any"/> otherwise.
    /// Null when the bytes are not a google.rpc.Status: details are an extra, and a malformed
    /// extra must not hide the status code and message that did arrive.
    /// </summary>
    public static IReadOnlyList<IMessage>? Decode(byte[] serializedStatus, TypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(serializedStatus);
        ArgumentNullException.ThrowIfNull(types);
        Google.Rpc.Status rich;
        try
        {
            rich = Google.Rpc.Status.Parser.ParseFrom(serializedStatus);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }

        return rich.Details.Select(any => Unpack(any, types)).ToList();
    }

    private static IMessage Unpack(Any any, TypeRegistry types)
    {
        var descriptor = types.Find(Any.GetTypeName(any.TypeUrl));
        if (descriptor?.Parser is null)
        {
            return any;
        }

        try
        {
            return descriptor.Parser.ParseFrom(any.Value);
        }
        catch (InvalidProtocolBufferException)
        {
            return any;
        }
    }
}
