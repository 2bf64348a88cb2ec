using System.Text.Json;
using InferenceGrpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Reads a request body the way TensorZero's StructuredJson extractor does: the bytes are
/// parsed as JSON whatever the Content-Type says (a missing header still works), and a body
/// that is not JSON fails with axum's rejection text followed by its status, as TensorZero
/// formats it: "Failed to parse the request body as JSON (400 Bad Request)".
/// </summary>
internal static class RequestBody
{
    public const string NotJson = "Failed to parse the request body as JSON (400 Bad Request)";
    public const string TooLarge = "Failed to buffer the request body (413 Payload Too Large)";

    // serde_json refuses nesting deeper than 128; System.Text.Json's default stops at 64.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    public static async Task<JsonDocument> ReadAsync(HttpContext http, int maxBytes)
    {
        // TensorZero reports a buffering failure as a bad request carrying axum's 413 text.
        var body = await RequestBodyBuffer.ReadAsync(http, maxBytes) ?? throw new RpcException(StatusCode.InvalidArgument, TooLarge);
        try
        {
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            throw Malformed();
        }
    }

    /// <summary>Also for JSON that parses but that serde_json refuses, such as a lone surrogate escape.</summary>
    public static RpcException Malformed() => new(StatusCode.InvalidArgument, NotJson);
}
