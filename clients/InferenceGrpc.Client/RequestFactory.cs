using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>Builds the HTTP request of a call: version, protocol headers, metadata and body.</summary>
internal static class RequestFactory
{
    private const string GrpcContentType = "application/grpc";
    private const string GrpcWebContentType = "application/grpc-web+proto";

    public static HttpRequestMessage Create(GrpcChannel channel, string path, HttpContent content, Metadata? headers, DateTime? deadline)
    {
        var web = channel.UseGrpcWeb;
        content.Headers.ContentType = new MediaTypeHeaderValue(web ? GrpcWebContentType : GrpcContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, channel.ResolveUri(path)) { Content = content };
        if (web)
        {
            // gRPC-Web exists for HTTP/1.1; a TLS server offering h2 by ALPN is as good.
            request.Version = HttpVersion.Version11;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrHigher;
            request.Headers.TryAddWithoutValidation("x-grpc-web", "1");
            request.Headers.TryAddWithoutValidation("accept", GrpcWebContentType);
        }
        else
        {
            // Exact: over http:// this is h2c with prior knowledge, over https:// ALPN must pick h2.
            // Any fallback to HTTP/1.1 would lose the trailers that carry the status.
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        }

        request.Headers.TryAddWithoutValidation("user-agent", channel.UserAgent);
        request.Headers.TryAddWithoutValidation(GrpcHeaderNames.AcceptEncoding, channel.AcceptCompressedResponses ? GzipCompression.AcceptEncoding : GzipCompression.Identity);
        if (channel.CompressRequests)
        {
            request.Headers.TryAddWithoutValidation(GrpcHeaderNames.Encoding, GzipCompression.Name);
        }

        if (deadline is { } at && at != DateTime.MaxValue)
        {
            request.Headers.TryAddWithoutValidation(GrpcHeaderNames.Timeout, GrpcTimeout.Format(at - DateTime.UtcNow));
        }

        foreach (var entry in headers ?? Enumerable.Empty<MetadataEntry>())
        {
            if (GrpcHeaderNames.IsReservedForRequests(entry.Key))
            {
                request.Dispose();
                throw new ArgumentException($"Metadata key '{entry.Key}' is reserved for the protocol and cannot be sent as metadata.", nameof(headers));
            }

            request.Headers.TryAddWithoutValidation(entry.Key, entry.ToWireValue());
        }

        return request;
    }

    /// <summary>The body of a call with one request message: a single frame, sized up front.</summary>
    public static HttpContent SingleMessage(IMessage message, bool compress, int maxSendMessageSize)
    {
        var frame = new ArrayBufferWriter<byte>(message.CalculateSize() + MessageFraming.HeaderSize);
        MessageFraming.WriteMessage(frame, message, compress, maxSendMessageSize);
        return new ReadOnlyMemoryContent(frame.WrittenMemory);
    }
}
