using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api;

/// <summary>How the vendor shapes put their JSON on the wire: stream lines and error replies.</summary>
internal static class JsonReplies
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>One NDJSON line of a server stream, flushed so the client sees each page as it is made.</summary>
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

    /// <summary>An error body: with its HTTP status when nothing was sent yet, else as the last line of the stream (the 200 is gone).</summary>
    public static async Task WriteErrorAsync(HttpContext http, int status, string contentType, ReadOnlyMemory<byte> body, bool streamStarted)
    {
        if (streamStarted)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
            await http.Response.Body.WriteAsync(NewLine, http.RequestAborted);
            return;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
