using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;

namespace InferenceGrpc.Api.Tests.Infrastructure;

/// <summary>
/// Calls InferenceQueryService over real gRPC: HTTP/2 cleartext with prior knowledge, one
/// length-prefixed protobuf request, every response frame parsed, grpc-status checked. With
/// <paramref name="web"/> it speaks gRPC-Web instead, as a browser would: HTTP/1.1, and the
/// status in a 0x80 trailer frame at the end of the body. Kept to HttpClient so the test depends
/// on nothing but the wire protocol.
/// </summary>
internal sealed class GrpcCaller(Uri address, bool web = false) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = address };

    public Task<List<TResponse>> CallAsync<TResponse>(string method, IMessage request)
        where TResponse : IMessage<TResponse>, new() => CallAsync<TResponse>("inference.v1.InferenceQueryService", method, request);

    public async Task<List<TResponse>> CallAsync<TResponse>(string service, string method, IMessage request)
        where TResponse : IMessage<TResponse>, new()
    {
        var payload = request.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);

        using var message = new HttpRequestMessage(HttpMethod.Post, $"/{service}/{method}") {
            Content = new ByteArrayContent(frame),
            Version = web ? HttpVersion.Version11 : HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", web ? "application/grpc-web+proto" : "application/grpc");
        message.Headers.TryAddWithoutValidation("TE", "trailers");
        using var response = await _http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();

        var parser = new MessageParser<TResponse>(() => new TResponse());
        var messages = new List<TResponse>();
        string? trailerBlock = null;
        for (var at = 0; at < body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            if ((body[at] & 0x80) != 0)
            {
                trailerBlock = System.Text.Encoding.ASCII.GetString(body, at + 5, length);
            }
            else
            {
                messages.Add(parser.ParseFrom(body, at + 5, length));
            }

            at += 5 + length;
        }

        // gRPC puts the status in trailers (or headers, for trailers-only); gRPC-Web in the trailer frame.
        var status = web ? TrailerBlockValue(trailerBlock, "grpc-status") : Header(response, "grpc-status");
        if (status != "0")
        {
            throw new InvalidOperationException($"gRPC {method} failed: HTTP {(int)response.StatusCode}, grpc-status {status ?? "missing"}, {trailerBlock ?? Header(response, "grpc-message")}");
        }

        return messages;
    }

    private static string? TrailerBlockValue(string? block, string name) =>
        block?.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim() == name)
            .Select(pair => pair[1].Trim())
            .FirstOrDefault();

    public void Dispose() => _http.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var values) || response.Headers.TryGetValues(name, out values) ? values.First() : null;
}
