using System.Text.Json;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Protocol.AspNetCore.OpenApi;

/// <summary>
/// The OpenAPI document of the host's REST routes, built on first request and kept: the routes
/// and shapes are fixed once the host has started.
/// </summary>
public sealed class OpenApiDocumentProvider
{
    private readonly Lazy<string> _json;

    internal OpenApiDocumentProvider(HttpRouteTable routes, IOptions<GrpcServerOptions> options)
    {
        _json = new Lazy<string>(() =>
        {
            var document = new OpenApiDocumentBuilder(routes.Routes, options.Value.JsonShapes).Build(options.Value.OpenApiTitle, "v1");
            return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        });
    }

    public string Json => _json.Value;
}
