using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// Sends one input over its target's wire and reads the whole reply, with a per-request timeout
/// so a hang is reported as "no answer" instead of stalling the suite. Nothing else is timed.
/// </summary>
public sealed class FuzzClient(Uri grpcAddress, Uri httpAddress, TimeSpan timeout) : IDisposable
{
    private static readonly HashSet<string> ForbiddenHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "content-length", "host", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade",
    };

    private const int MaxHeaderValue = 512;

    // No client-side timeout: the per-request token below decides, and names the target.
    private readonly HttpClient _grpc = new() { BaseAddress = grpcAddress, Timeout = Timeout.InfiniteTimeSpan };
    private readonly HttpClient _http = new() { BaseAddress = httpAddress, Timeout = Timeout.InfiniteTimeSpan };

    public Task<FuzzReply> SendAsync(FuzzTarget target, byte[] input) =>
        SendAsync(target.Wire, target.Path, target.Encode is null ? input : target.Encode(input));

    public async Task<FuzzReply> SendAsync(Wire wire, string path, byte[] body)
    {
        var client = wire is Wire.Grpc or Wire.GrpcWithHeaders ? _grpc : _http;
        using var request = Build(wire, client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path, body);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var response = await client.SendAsync(request, deadline.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            return Reply(wire, response, bytes);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {timeout.TotalSeconds} s");
        }
    }

    public void Dispose()
    {
        _grpc.Dispose();
        _http.Dispose();
    }

    private static FuzzReply Reply(Wire wire, HttpResponseMessage response, byte[] bytes)
    {
        var contentType = response.Content.Headers.ContentType?.ToString();
        var isGrpcReply = contentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        if (wire is Wire.RestPost or Wire.RestGet || !isGrpcReply)
        {
            return new FuzzReply(response.StatusCode, contentType, bytes, GrpcStatusHeader(response), []);
        }

        var web = wire is Wire.GrpcWeb or Wire.GrpcWebText or Wire.GrpcWebTextRaw;
        var frames = wire is Wire.GrpcWebText or Wire.GrpcWebTextRaw ? GrpcReplyReader.DecodeText(bytes) : bytes;
        var (status, message, messages, problem) = GrpcReplyReader.Read(frames, response.Headers, response.TrailingHeaders, web);
        if (problem is not null)
        {
            throw new InvalidDataException(problem);
        }

        return new FuzzReply(response.StatusCode, contentType, bytes, status, messages) { GrpcMessage = message };
    }

    private static string? GrpcStatusHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-status", out var values) ? values.FirstOrDefault() : null;

    private static HttpRequestMessage Build(Wire wire, string url, byte[] body) => wire switch
    {
        Wire.Grpc => Grpc(url, body, [("content-type", "application/grpc")]),
        Wire.GrpcWithHeaders => GrpcWithHeaders(url, body),
        Wire.GrpcWeb => Web(url, body, "application/grpc-web+proto"),
        Wire.GrpcWebText => Web(url, Encoding.ASCII.GetBytes(Convert.ToBase64String(body)), "application/grpc-web-text+proto"),
        Wire.GrpcWebTextRaw => Web(url, body, "application/grpc-web-text+proto"),
        Wire.RestPost => Message(HttpMethod.Post, url, body, HttpVersion.Version11, [("content-type", "application/json")]),
        Wire.RestGet => Message(HttpMethod.Get, url + UrlText.Escape(body), null, HttpVersion.Version11, []),
        _ => throw new ArgumentOutOfRangeException(nameof(wire)),
    };

    private static HttpRequestMessage Grpc(string url, byte[] body, IEnumerable<(string Name, string Value)> headers)
    {
        var request = Message(HttpMethod.Post, url, body, HttpVersion.Version20, headers);
        request.Headers.TryAddWithoutValidation("TE", "trailers");
        return request;
    }

    private static HttpRequestMessage Web(string url, byte[] body, string contentType) =>
        Message(HttpMethod.Post, url, body, HttpVersion.Version11, [("content-type", contentType), ("x-grpc-web", "1")]);

    /// <summary>Header lines up to the first empty line, then the body; lines HTTP cannot carry are dropped.</summary>
    private static HttpRequestMessage GrpcWithHeaders(string url, byte[] input)
    {
        var split = input.AsSpan().IndexOf("\n\n"u8);
        var head = split < 0 ? input : input[..split];
        var body = split < 0 ? [] : input[(split + 2)..];
        var headers = Encoding.UTF8.GetString(head).Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .Select(pair => (Name: pair[0].Trim().ToLowerInvariant(), Value: Printable(pair[1].Trim())))
            .Where(h => h.Name.Length is > 0 and <= MaxHeaderValue && h.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && !ForbiddenHeaders.Contains(h.Name))
            .Take(32);
        return Grpc(url, body, headers);
    }

    /// <summary>What HttpClient agrees to send: printable ASCII, short enough for the server's header limit.</summary>
    private static string Printable(string value)
    {
        var kept = new string([.. value.Where(c => c is >= ' ' and < '\u007f')]);
        return kept.Length > MaxHeaderValue ? kept[..MaxHeaderValue] : kept;
    }

    private static HttpRequestMessage Message(HttpMethod method, string url, byte[]? body, Version version, IEnumerable<(string Name, string Value)> headers)
    {
        // Sent exactly as generated: no client-side unescaping or dot-segment removal.
        var uri = new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method, uri) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in headers)
        {
            HttpHeaders target = name.StartsWith("content-", StringComparison.Ordinal) && request.Content is not null ? request.Content.Headers : request.Headers;
            target.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
