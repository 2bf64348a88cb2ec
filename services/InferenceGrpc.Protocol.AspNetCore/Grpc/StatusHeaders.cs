using System.Globalization;
using Google.Protobuf;

namespace InferenceGrpc.Protocol.AspNetCore.Grpc;

/// <summary>
/// Lays out the end of a call as header pairs: the user's trailers first, then grpc-status,
/// grpc-message and grpc-status-details-bin, so the status always wins over a trailer of the
/// same name. Used for HTTP/2 trailers, Trailers-Only headers and gRPC-Web trailer blocks alike.
/// </summary>
internal static class StatusHeaders
{
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string Details = "grpc-status-details-bin";

    public static void Write(RpcStatus status, Metadata trailers, Action<string, string> add)
    {
        foreach (var entry in trailers)
        {
            if (entry.Key is not (Status or Message or Details))
            {
                add(entry.Key, entry.ToWireValue());
            }
        }

        add(Status, ((int)status.Code).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(status.Message))
        {
            add(Message, GrpcMessageEncoding.Encode(status.Message));
        }

        if (status.ToRichStatus() is { } rich)
        {
            add(Details, Base64Metadata.Encode(rich.ToByteArray()));
        }
    }
}
