using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Reads a request body as FastAPI does for a required JSON body: parsed whatever the
/// Content-Type says, an empty body is a missing field, and text that is not JSON a
/// json_invalid error at the position where parsing failed (System.Text.Json's byte offset;
/// Python reports a character offset and its own reason, so "ctx" is only an approximation).
/// </summary>
internal static class WeaveRequestBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static async Task<JsonElement> ReadAsync(HttpContext http, int maxBytes)
    {
        var body = await RequestBodyBuffer.ReadAsync(http, maxBytes) ?? throw new RequestTooLargeException();
        if (body.Length == 0)
        {
            throw new RequestValidationException([new PydanticError("missing", ["body"], "Field required", null)]);
        }

        try
        {
            using var document = JsonDocument.Parse(body, Options);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            using var empty = JsonDocument.Parse("{}");
            throw new RequestValidationException([new PydanticError(
                "json_invalid",
                ["body", ex.BytePositionInLine ?? 0],
                "JSON decode error",
                empty.RootElement.Clone(),
                [KeyValuePair.Create("error", (object)"Invalid JSON")])]);
        }
    }
}
