using Microsoft.Extensions.FileProviders;

namespace InferenceGrpc.Server.Explorer;

/// <summary>
/// Serves the web explorer (clients/web, built by Vite into clients/web/dist) at <c>/</c>, after
/// the protocol layer has taken every gRPC, gRPC-Web and REST request. Vite's hashed files under
/// <c>/assets/</c> are cached for a year; everything else is revalidated (no-cache), so a rebuilt
/// explorer shows at the next load. A page address such as <c>/inferences/{id}</c> is answered
/// with index.html, and the explorer's router picks the page.
/// </summary>
internal static class ExplorerHosting
{
    /// <summary>Where the explorer is built, relative to the repository.</summary>
    private static readonly string BuiltExplorer = Path.Combine("clients", "web", "dist");

    private const string IndexFile = "index.html";

    private const string HowToBuild =
        "run `make web` (`make run` does it too) or `cd clients/web && npm ci && npm run build`, then restart the service; Server:WebRoot names another built explorer.";

    /// <summary>Vite's output with content hashes in the file names: a changed file gets a new name.</summary>
    private static readonly PathString HashedAssets = "/assets";

    /// <summary>
    /// Serves the explorer from <paramref name="configuredRoot"/> (relative to the content root), or
    /// when that is empty from clients/web/dist found above the content root or the program. When
    /// no built explorer is found, page requests get a 404 saying how to build it. Returns where
    /// the explorer is served from, in words, for the start-up banner.
    /// </summary>
    public static string UseExplorer(this WebApplication app, string? configuredRoot)
    {
        var root = string.IsNullOrWhiteSpace(configuredRoot)
            ? FindBuiltExplorer(app.Environment.ContentRootPath) ?? FindBuiltExplorer(AppContext.BaseDirectory)
            : Path.GetFullPath(configuredRoot, app.Environment.ContentRootPath);
        if (root is null || !File.Exists(Path.Combine(root, IndexFile)))
        {
            var looked = root ?? $"{BuiltExplorer} above {app.Environment.ContentRootPath}";
            app.Use((context, next) => IsPageRequest(context.Request) ? NotBuiltAsync(context.Response, looked) : next(context));
            return $"not built (no {IndexFile} in {looked}); {HowToBuild}";
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = file => SetCaching(file.Context) });
        var index = files.GetFileInfo(IndexFile);
        app.Use((context, next) => IsPageRequest(context.Request) ? SendIndexAsync(context, index) : next(context));
        return $"served at / from {root}";
    }

    private static string? FindBuiltExplorer(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, BuiltExplorer);
            if (File.Exists(Path.Combine(candidate, IndexFile)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// A page of the explorer: GET or HEAD of <c>/</c>, or of a path without a file extension that a
    /// browser asks for as HTML. API callers (JSON, gRPC-Web) and missing asset files keep their 404.
    /// </summary>
    private static bool IsPageRequest(HttpRequest request)
    {
        // Routes the host maps itself (/metrics) are never pages, whatever the Accept header says.
        if ((!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) || request.HttpContext.GetEndpoint() is not null)
        {
            return false;
        }

        var path = request.Path.Value ?? "/";
        if (path == "/")
        {
            return true;
        }

        return !Path.HasExtension(path) && request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    private static void SetCaching(HttpContext context)
    {
        var immutable = context.Request.Path.StartsWithSegments(HashedAssets, StringComparison.Ordinal);
        context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }

    private static async Task SendIndexAsync(HttpContext context, IFileInfo index)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = index.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }
    }

    private static Task NotBuiltAsync(HttpResponse response, string looked)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync($"The InferenceGrpc web explorer is not built: there is no {IndexFile} in {looked}.\nTo build it, {HowToBuild}\n");
    }
}
