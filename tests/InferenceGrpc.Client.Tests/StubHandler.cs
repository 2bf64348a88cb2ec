using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client.Tests;

/// <summary>
/// Answers every request with a canned response, to drive the client through what real servers
/// rarely do on demand: proxies' HTTP errors, bad frames, missing statuses.
/// </summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static byte[] Frame(byte[] payload, byte flags = 0)
    {
        var frame = new byte[MessageFraming.HeaderSize + payload.Length];
        MessageFraming.WriteHeader(frame, flags, payload.Length);
        payload.CopyTo(frame, MessageFraming.HeaderSize);
        return frame;
    }

    /// <summary>A 200 gRPC response with these frames as its body and these trailers.</summary>
    public static HttpResponseMessage Grpc(IEnumerable<byte[]> frames, params (string Key, string Value)[] trailers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Version = HttpVersion.Version20,
            Content = new ByteArrayContent(frames.SelectMany(f => f).ToArray()),
        };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        foreach (var (key, value) in trailers)
        {
            response.TrailingHeaders.TryAddWithoutValidation(key, value);
        }

        return response;
    }

    /// <summary>A response with only headers, as Trailers-Only responses and proxies' errors are.</summary>
    public static HttpResponseMessage HeadersOnly(HttpStatusCode status, string contentType, params (string Key, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        foreach (var (key, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(key, value);
        }

        return response;
    }

    public GrpcChannel Channel(bool grpcWeb = false) =>
        new(new Uri("http://stub.invalid:1234/"), new GrpcChannelOptions { HttpHandler = this, UseGrpcWeb = grpcWeb });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var response = respond(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
