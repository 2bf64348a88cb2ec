using System.Text;

namespace InferenceGrpc.Client;

/// <summary>
/// The payload of a gRPC-Web trailer frame (flag 0x80): HTTP/1.1-style header lines,
/// "key: value" separated by CRLF (PROTOCOL-WEB.md).
/// </summary>
internal static class GrpcWebTrailerBlock
{
    public static List<KeyValuePair<string, string>> Parse(byte[] block)
    {
        var pairs = new List<KeyValuePair<string, string>>();

        // Lenient on line endings: a bare LF from a sloppy peer must not lose the status.
        foreach (var line in Encoding.UTF8.GetString(block).Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            pairs.Add(new KeyValuePair<string, string>(key, line[(colon + 1)..].Trim()));
        }

        return pairs;
    }
}
