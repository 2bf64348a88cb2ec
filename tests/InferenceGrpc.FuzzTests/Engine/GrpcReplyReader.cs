using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;

namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// Reads a gRPC or gRPC-Web reply body: length-prefixed message frames and, for gRPC-Web, the
/// 0x80 trailer frame with the status. A body that does not frame cleanly is a finding, so the
/// reader says so instead of guessing.
/// </summary>
internal static class GrpcReplyReader
{
    public static (string? Status, string? Message, List<byte[]> Messages, string? Problem) Read(byte[] body, HttpResponseHeaders headers, HttpHeaders trailers, bool web)
    {
        var messages = new List<byte[]>();
        string? trailerStatus = null;
        string? trailerMessage = null;
        for (var at = 0; at < body.Length;)
        {
            if (body.Length - at < 5)
            {
                return (null, null, messages, $"reply ends inside a frame header at byte {at}");
            }

            var flags = body[at];
            var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            if (length > body.Length - at - 5)
            {
                return (null, null, messages, $"reply frame at byte {at} claims {length} bytes, {body.Length - at - 5} follow");
            }

            var payload = body.AsSpan(at + 5, (int)length).ToArray();
            if ((flags & 0x80) != 0)
            {
                trailerStatus = TrailerValue(Encoding.ASCII.GetString(payload), "grpc-status");
                trailerMessage = TrailerValue(Encoding.ASCII.GetString(payload), "grpc-message");
            }
            else
            {
                messages.Add(payload);
            }

            at += 5 + (int)length;
        }

        // gRPC: trailers, or headers for trailers-only; gRPC-Web: the trailer frame.
        var status = web ? trailerStatus : Value(trailers, "grpc-status") ?? Value(headers, "grpc-status");
        var message = web ? trailerMessage : Value(trailers, "grpc-message") ?? Value(headers, "grpc-message");
        return (status, message, messages, null);
    }

    /// <summary>A gRPC-Web text body: base64 chunks, each padded on its own.</summary>
    public static byte[] DecodeText(byte[] body)
    {
        var text = Encoding.ASCII.GetString(body);
        var decoded = new List<byte>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var chunkEnds = i == text.Length || (text[i] == '=' && (i + 1 == text.Length || text[i + 1] != '='));
            if (chunkEnds && i > start)
            {
                var end = i == text.Length ? i : i + 1;
                decoded.AddRange(Convert.FromBase64String(text[start..end]));
                start = end;
            }
        }

        return [.. decoded];
    }

    private static string? Value(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? TrailerValue(string block, string name) =>
        block.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1].Trim())
            .FirstOrDefault();
}
