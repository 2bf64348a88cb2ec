using System.Globalization;
using System.Net.Http.Headers;
using Google.Protobuf.Reflection;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>
/// Turns response headers and trailers (HTTP/2 header blocks or a gRPC-Web trailer frame) into
/// metadata and a status. One code path for all three, so the three can never disagree.
/// </summary>
internal static class ResponseHeaderReader
{
    /// <summary>The raw header pairs, one per value, as the peer sent them.</summary>
    public static List<KeyValuePair<string, string>> Pairs(HttpHeaders headers)
    {
        // NonValidated: values stay as sent. The validating view would split and re-join values
        // of the headers it knows, and a metadata value is opaque to HTTP.
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                pairs.Add(new KeyValuePair<string, string>(key.ToLowerInvariant(), value));
            }
        }

        return pairs;
    }

    /// <summary>The metadata among the pairs: everything but transport and status headers.</summary>
    public static Metadata ToMetadata(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var metadata = new Metadata();
        foreach (var (key, value) in pairs)
        {
            if (GrpcHeaderNames.IsTransport(key))
            {
                continue;
            }

            try
            {
                metadata.Add(MetadataEntry.FromWire(key, value));
            }
            catch (FormatException)
            {
                // A -bin value that is not base64 is dropped rather than failing a call that worked.
            }
        }

        return metadata;
    }

    /// <summary>The status the pairs carry, or null when there is no grpc-status among them.</summary>
    public static RpcStatus? ReadStatus(IReadOnlyList<KeyValuePair<string, string>> pairs, TypeRegistry detailTypes)
    {
        var statusValue = Find(pairs, GrpcHeaderNames.Status);
        if (statusValue is null)
        {
            return null;
        }

        if (!int.TryParse(statusValue, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new RpcStatus(StatusCode.Unknown, $"The server sent an invalid grpc-status '{statusValue}'.");
        }

        var message = Find(pairs, GrpcHeaderNames.Message) is { } encoded ? GrpcMessageEncoding.Decode(encoded) : string.Empty;
        return new RpcStatus((StatusCode)code, message, ReadDetails(pairs, detailTypes));
    }

    private static IReadOnlyList<Google.Protobuf.IMessage>? ReadDetails(IReadOnlyList<KeyValuePair<string, string>> pairs, TypeRegistry detailTypes)
    {
        if (Find(pairs, GrpcHeaderNames.StatusDetails) is not { } wire)
        {
            return null;
        }

        try
        {
            return StatusDetails.Decode(Base64Metadata.Decode(wire), detailTypes);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> pairs, string key)
    {
        foreach (var pair in pairs)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }

        return null;
    }
}
