using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;

namespace InferenceGrpc.Api.Tests.Infrastructure;

/// <summary>
/// Calls InferenceQueryService over real gRPC: HTTP/2 cleartext with prior knowledge, one
/// length-prefixed protobuf request, every response frame parsed, grpc-status checked. Kept to
/// HttpClient so the test depends on nothing but the wire protocol.
/// </summary>
internal sealed class GrpcCaller(Uri address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = address };

    public async Task<List<TResponse>> CallAsync<TResponse>(string method, IMessage request)
        where TResponse : IMessage<TResponse>, new()
    {
        var payload = request.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);

        using var message = new HttpRequestMessage(HttpMethod.Post, "/inference.v1.InferenceQueryService/" + method) {
            Content = new ByteArrayContent(frame),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        message.Headers.TryAddWithoutValidation("TE", "trailers");
        using var response = await _http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();

        // A failed call may answer trailers-only, with the status in the headers.
        var status = Header(response, "grpc-status") ?? "missing";
        if (status != "0")
        {
            throw new InvalidOperationException($"gRPC {method} failed: HTTP {(int)response.StatusCode}, grpc-status {status}, {Header(response, "grpc-message")}");
        }

        var parser = new MessageParser<TResponse>(() => new TResponse());
        var messages = new List<TResponse>();
        for (var at = 0; at < body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            messages.Add(parser.ParseFrom(body, at + 5, length));
            at += 5 + length;
        }

        return messages;
    }

    public void Dispose() => _http.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var values) || response.Headers.TryGetValues(name, out values) ? values.First() : null;
}
