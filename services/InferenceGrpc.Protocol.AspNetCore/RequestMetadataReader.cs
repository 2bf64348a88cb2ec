using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>Turns HTTP request headers into metadata, leaving out transport and protocol headers.</summary>
internal static class RequestMetadataReader
{
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "content-length", "te", "host", "user-agent", "accept-encoding", "connection",
        "grpc-timeout", "grpc-encoding", "grpc-accept-encoding",
    };

    public static Metadata Read(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in headers)
        {
            if (key.StartsWith(':') || TransportHeaders.Contains(key))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                try
                {
                    metadata.Add(MetadataEntry.FromWire(key, value));
                }
                catch (FormatException)
                {
                    // A -bin header that is not base64 is dropped rather than failing the call.
                }
            }
        }

        return metadata;
    }
}
