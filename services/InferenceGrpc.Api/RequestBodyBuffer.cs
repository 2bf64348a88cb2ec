using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api;

/// <summary>Buffers a REST request body whole, for the vendor shapes that parse it themselves.</summary>
internal static class RequestBodyBuffer
{
    /// <summary>The body, or null as soon as it grows past <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext http, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
