using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.Formatting;

/// <summary>
/// Sends JSON that an API's own shape has already written: a whole reply, one line of an NDJSON
/// stream, or an error, which becomes the stream's last line once the 200 has gone.
/// </summary>
internal static class JsonReplies
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static Task WriteAsync(HttpContext http, ReadOnlyMemory<byte> json, string contentType)
    {
        http.Response.ContentType = contentType;
        return http.Response.Body.WriteAsync(json, http.RequestAborted).AsTask();
    }

    /// <summary>One line of a server stream, flushed so the client has it at once.</summary>
    public static async Task WriteLineAsync(HttpContext http, ReadOnlyMemory<byte> json)
    {
        if (!http.Response.HasStarted)
        {
            http.Response.ContentType = ProtobufJsonShape.NdjsonContentType;
        }

        await http.Response.Body.WriteAsync(json, http.RequestAborted);
        await http.Response.Body.WriteAsync(NewLine, http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    /// <summary>An error body with its HTTP status, or the last NDJSON line of a stream already started.</summary>
    public static async Task WriteErrorAsync(HttpContext http, ReadOnlyMemory<byte> json, int httpStatus, string contentType, bool streamStarted)
    {
        if (streamStarted)
        {
            // The 200 is gone already: the last NDJSON line carries the error instead.
            await http.Response.Body.WriteAsync(json, http.RequestAborted);
            await http.Response.Body.WriteAsync(NewLine, http.RequestAborted);
            return;
        }

        http.Response.StatusCode = httpStatus;
        await WriteAsync(http, json, contentType);
    }
}
