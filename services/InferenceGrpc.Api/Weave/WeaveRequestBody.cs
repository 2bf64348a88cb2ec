using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Reads a request body as FastAPI does for a required JSON body: parsed whatever the
/// Content-Type says, an empty body is a missing field, and text that is not JSON a
/// json_invalid error at the character where parsing failed, counted as Python counts (code
/// points from the start of the body). Python's reason text is not known here, so "ctx" only
/// says "Invalid JSON".
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
                ["body", CodePointOffset(body.Span, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0)],
                "JSON decode error",
                empty.RootElement.Clone(),
                [KeyValuePair.Create("error", (object)"Invalid JSON")])]);
        }
    }

    /// <summary>Where System.Text.Json's (line, byte in line) is, in code points from the start.</summary>
    private static long CodePointOffset(ReadOnlySpan<byte> body, long line, long byteInLine)
    {
        var lineStart = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = body[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        var end = (int)Math.Min(body.Length, lineStart + byteInLine);
        var codePoints = 0L;
        foreach (var b in body[..end])
        {
            // Every byte but a UTF-8 continuation byte starts a code point.
            if ((b & 0xC0) != 0x80)
            {
                codePoints++;
            }
        }

        return codePoints;
    }
}
