using System.Buffers;
using System.IO.Compression;
using Google.Protobuf;

namespace InferenceGrpc.Protocol;

/// <summary>The gzip message encoding (grpc doc/compression.md). Identity needs no code.</summary>
public static class GzipCompression
{
    public const string Name = "gzip";
    public const string Identity = "identity";

    /// <summary>What a peer may send us, in <c>grpc-accept-encoding</c> form.</summary>
    public const string AcceptEncoding = "identity,gzip";

    public static bool IsSupported(string? encoding) =>
        encoding is null || encoding == Identity || encoding == Name;

    /// <summary>True when a comma-separated accept list names gzip.</summary>
    public static bool IsAccepted(string? acceptEncoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }

        foreach (var part in acceptEncoding.Split(','))
        {
            if (part.Trim() == Name)
            {
                return true;
            }
        }

        return false;
    }

    public static byte[] Compress(IMessage message, int size)
    {
        var raw = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.WriteTo(raw.AsSpan(0, size));
            using var output = new MemoryStream(size / 2 + 64);
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(raw, 0, size);
            }

            return output.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <summary>Inflates a payload, refusing to grow past <paramref name="maxMessageSize"/>.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when too large, <paramref name="corruptCode"/> (INTERNAL unless told) when not gzip.</exception>
    public static byte[] Decompress(ReadOnlySequence<byte> payload, int maxMessageSize, StatusCode corruptCode = StatusCode.Internal)
    {
        try
        {
            using var input = new MemoryStream(payload.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + read > maxMessageSize)
                    {
                        throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size after decompression (limit {maxMessageSize} bytes).");
                    }

                    output.Write(buffer, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(corruptCode, "Could not decompress a gzip message: " + ex.Message);
        }
    }
}
