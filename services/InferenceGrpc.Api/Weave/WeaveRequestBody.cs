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

        // System.Text.Json parses text with invalid UTF-8 in strings and fails only when one is
        // read; Python fails at decoding. Refuse it up front, where the first bad byte is.
        if (FirstInvalidUtf8(body.Span) is { } bad)
        {
            throw JsonInvalid(CodePointOffset(body.Span, 0, bad));
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw JsonInvalid(CodePointOffset(body.Span, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0));
        }

        // A lone surrogate escape ("\ud800") parses but has no UTF-16 string; Python keeps it,
        // but no id or name of ours can hold it. pydantic's own word for such text is string_unicode.
        if (LoneSurrogate(root, ["body"]) is { } location)
        {
            throw new RequestValidationException([new PydanticError(
                "string_unicode", location, "Input should be a valid string, unable to parse raw data as a unicode string", null)]);
        }

        return root;
    }

    private static List<object>? LoneSurrogate(JsonElement element, List<object> location)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !Readable(element.GetString):
                return location;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Readable(() => property.Name))
                    {
                        return location;
                    }

                    if (LoneSurrogate(property.Value, [.. location, property.Name]) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (LoneSurrogate(item, [.. location, index++]) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static RequestValidationException JsonInvalid(long position)
    {
        using var empty = JsonDocument.Parse("{}");
        return new RequestValidationException([new PydanticError(
            "json_invalid",
            ["body", position],
            "JSON decode error",
            empty.RootElement.Clone(),
            [KeyValuePair.Create("error", (object)"Invalid JSON")])]);
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        for (var at = 0; at < body.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(body[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return null;
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
