using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InferenceGrpc.Server;

namespace InferenceGrpc.FunctionalTests.Web;

/// <summary>
/// The service serving the web explorer at /: index.html for the explorer's pages, Vite's hashed
/// assets cached for a year and everything else revalidated, API requests left to the API, and a
/// message saying how to build the explorer when it is not built. Two hosts in-process, one over a
/// small stand-in for clients/web/dist and one over an empty directory.
/// </summary>
public sealed class ExplorerHostingTests : IAsyncLifetime
{
    private const string Index = "<!doctype html><title>explorer</title>";
    private const string Asset = "console.log('explorer');";
    private const string AssetPath = "/assets/index-Ab12Cd34.js";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("inferencegrpc-explorer-hosting-");
    private readonly HttpClient _http = new();
    private InferenceGrpcHost? _built;
    private InferenceGrpcHost? _notBuilt;

    public async Task InitializeAsync()
    {
        var webRoot = _scratch.CreateSubdirectory("dist");
        await File.WriteAllTextAsync(Path.Combine(webRoot.FullName, "index.html"), Index);
        await File.WriteAllTextAsync(Path.Combine(webRoot.CreateSubdirectory("assets").FullName, Path.GetFileName(AssetPath)), Asset);
        _built = await StartAsync(webRoot.FullName, "built");
        _notBuilt = await StartAsync(_scratch.CreateSubdirectory("empty").FullName, "not-built");
    }

    [Fact]
    public async Task Get_Root_ServesIndexRevalidated()
    {
        using var response = await _http.GetAsync(Url(_built, "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html must be revalidated so a rebuilt explorer shows");
        Assert.Equal(Index, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ExplorerPageAsHtml_ServesIndex()
    {
        using var response = await _http.SendAsync(HtmlRequest(Url(_built, "/inferences/019b76c2-b7b6-729b-8272-9606c60fb02d")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Index, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_HashedAsset_CachedForAYear()
    {
        using var response = await _http.GetAsync(Url(_built, AssetPath));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(Asset, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/assets/index-missing.js", true)]
    [InlineData("/inferences/some-id", false)]
    [InlineData("/v1/no/such/route", false)]
    public async Task Get_MissingFileOrNonHtmlRequest_NotFound(string path, bool asHtml)
    {
        using var request = asHtml ? HtmlRequest(Url(_built, path)) : new HttpRequestMessage(HttpMethod.Get, Url(_built, path));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(Index, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_RestRoute_StillAnsweredByTheApi()
    {
        using var body = new StringContent("""{"limit": 1}""", Encoding.UTF8, "application/json");

        using var response = await _http.PostAsync(Url(_built, "/v1/inferences/list_inferences"), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"inferences\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Root_ExplorerNotBuilt_SaysHowToBuildIt()
    {
        using var response = await _http.GetAsync(Url(_notBuilt, "/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("web explorer is not built", text, StringComparison.Ordinal);
        Assert.Contains("npm ci && npm run build", text, StringComparison.Ordinal);
        Assert.Contains("make web", text, StringComparison.Ordinal);
        Assert.Contains("not built", _notBuilt!.ExplorerDescription, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        foreach (var host in new[] { _built, _notBuilt })
        {
            if (host is not null)
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _scratch.Delete(recursive: true);
    }

    private static Uri Url(InferenceGrpcHost? host, string path) => new(host!.Endpoints.Http!, path);

    private static HttpRequestMessage HtmlRequest(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return request;
    }

    private async Task<InferenceGrpcHost> StartAsync(string webRoot, string name)
    {
        var host = InferenceGrpcHost.Create(
        [
            "--Server:GrpcPort=0", "--Server:HttpPort=0", $"--Server:WebRoot={webRoot}",
            $"--Storage:Sqlite:DataDirectory={Path.Combine(_scratch.FullName, name + "-store")}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await host.StartAsync();
        return host;
    }
}
