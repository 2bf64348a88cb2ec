using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Protocol.AspNetCore.OpenApi;

/// <summary>Serves the OpenAPI document of the REST routes.</summary>
public static class OpenApiEndpoint
{
    public const string Path = "/openapi.json";

    /// <summary>Maps <c>GET /openapi.json</c>; it needs no credentials, since it describes routes and holds no data.</summary>
    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var provider = endpoints.ServiceProvider.GetRequiredService<OpenApiDocumentProvider>();
        return endpoints.MapGet(Path, () => Results.Text(provider.Json, "application/json; charset=utf-8"));
    }
}
