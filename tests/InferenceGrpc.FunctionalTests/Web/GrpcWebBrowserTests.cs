using System.Net;
using System.Net.Http.Headers;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FunctionalTests.Web;

/// <summary>
/// What a browser on another origin needs from gRPC-Web: a preflight that allows the call, and
/// the status headers exposed so the page can read them; and gRPC-Web over HTTP/2 as well as HTTP/1.1.
/// </summary>
public sealed class GrpcWebBrowserTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private const string Origin = "http://explorer.example";
    private const string EchoPath = "/conformance.v1.EchoService/Echo";

    // EchoRequest{message:"hi"} as one uncompressed frame.
    private static readonly byte[] EchoFrame = [0x00, 0x00, 0x00, 0x00, 0x04, 0x0A, 0x02, (byte)'h', (byte)'i'];

    private readonly HttpClient _http = new();

    [Fact]
    public async Task Preflight_FromAnotherOrigin_AllowsPostWithGrpcWebHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(server.Endpoints.Http!, EchoPath));
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web,x-user-agent,grpc-timeout,authorization");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("x-grpc-web", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GrpcWebCall_FromAnotherOrigin_ExposesStatusHeadersToThePage()
    {
        using var request = GrpcWebRequest(server.Endpoints.Http!, HttpVersion.Version11);
        request.Headers.Add("Origin", Origin);

        using var response = await _http.SendAsync(request);
        var exposed = Header(response, "Access-Control-Expose-Headers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var name in new[] { "grpc-status", "grpc-message", "grpc-status-details-bin" })
        {
            Assert.Contains(name, exposed, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task GrpcWebCall_OverHttp2_AnswersWithTrailerFrameInTheBody()
    {
        using var request = GrpcWebRequest(server.Endpoints.Grpc!, HttpVersion.Version20);

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("application/grpc-web+proto", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(EchoFrame, body[..EchoFrame.Length]);
        Assert.Equal(0x80, body[EchoFrame.Length]);
        Assert.Contains("grpc-status: 0", System.Text.Encoding.ASCII.GetString(body, EchoFrame.Length + 5, body.Length - EchoFrame.Length - 5), StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage GrpcWebRequest(Uri server, Version version)
    {
        var content = new ByteArrayContent(EchoFrame);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web+proto");
        return new HttpRequestMessage(HttpMethod.Post, new Uri(server, EchoPath))
        {
            Content = content,
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
