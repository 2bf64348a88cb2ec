using InferenceGrpc.Protocol.AspNetCore.Binding;
using InferenceGrpc.Protocol.AspNetCore.Grpc;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>
/// Routes each request to a front-end: gRPC and gRPC-Web by content type and method path, REST
/// by the google.api.http rules; anything else goes on down the pipeline. A gRPC content type
/// for a path nobody serves gets UNIMPLEMENTED, as gRPC clients expect (not a bare 404); a
/// gRPC method path with a foreign content type gets 415.
/// </summary>
internal sealed class GrpcProtocolMiddleware(
    RequestDelegate next,
    ServiceMethodRegistry registry,
    HttpRouteTable routes,
    GrpcRequestHandler grpcHandler,
    JsonRequestHandler jsonHandler)
{
    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (GrpcContentTypes.Classify(http.Request.ContentType) is { } protocol)
        {
            return grpcHandler.HandleAsync(http, protocol, registry.Methods.GetValueOrDefault(path));
        }

        if (routes.Match(http.Request.Method, path) is { } match)
        {
            return jsonHandler.HandleAsync(http, match);
        }

        if (HttpMethods.IsPost(http.Request.Method) && registry.Methods.ContainsKey(path))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return http.Response.WriteAsync($"Content-Type '{http.Request.ContentType}' is not supported; use application/grpc, application/grpc-web or application/grpc-web-text.");
        }

        return next(http);
    }
}
