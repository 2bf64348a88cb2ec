using System.Globalization;
using Google.Protobuf;

namespace InferenceGrpc.Protocol.AspNetCore.Grpc;

/// <summary>
/// Lays out the end of a call as header pairs: the user's trailers first, then grpc-status,
/// grpc-message and grpc-status-details-bin, so the status always wins over a trailer of the
/// same name. Used for HTTP/2 trailers, Trailers-Only headers and gRPC-Web trailer blocks alike.
/// Messages often quote the caller's input, so both are bounded: clients drop a connection
/// whose header block passes their limit (16 KiB in grpc-go; HttpClient sends GOAWAY
/// COMPRESSION_ERROR), and the status must reach them whatever the caller sent.
/// </summary>
internal static class StatusHeaders
{
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string Details = "grpc-status-details-bin";

    /// <summary>The most UTF-8 bytes of a message sent; at most 3 KiB once percent-encoded.</summary>
    public const int MaxMessageBytes = 1024;

    /// <summary>The largest grpc-status-details-bin sent; larger details are left out, the message remains.</summary>
    public const int MaxDetailsLength = 8 * 1024;

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
            add(Message, GrpcMessageEncoding.Encode(Bounded(status.Message)));
        }

        if (status.ToRichStatus() is { } rich && Base64Metadata.Encode(rich.ToByteArray()) is { Length: <= MaxDetailsLength } details)
        {
            add(Details, details);
        }
    }

    /// <summary>The message cut to <see cref="MaxMessageBytes"/> UTF-8 bytes at a character boundary, marked with "…".</summary>
    public static string Bounded(string message)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(message) <= MaxMessageBytes)
        {
            return message;
        }

        // "…" takes 3 of the bytes.
        var (bytes, end) = (0, 0);
        foreach (var rune in message.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxMessageBytes - 3)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return string.Concat(message.AsSpan(0, end), "…");
    }
}
