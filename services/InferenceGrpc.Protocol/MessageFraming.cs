using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace InferenceGrpc.Protocol;

/// <summary>
/// The length-prefixed message: one flag byte (bit 0 compressed, bit 7 a gRPC-Web trailer block),
/// a 4-byte big-endian length, then the payload (PROTOCOL-HTTP2.md, "Length-Prefixed-Message").
/// Frame boundaries have nothing to do with HTTP/2 DATA frames, so readers reassemble across
/// buffer segments.
/// </summary>
public static class MessageFraming
{
    public const int HeaderSize = 5;
    public const byte CompressedFlag = 0x01;
    public const byte TrailersFlag = 0x80;

    /// <summary>The largest gRPC-Web trailer block read: 64 KiB, four times what grpc-go accepts as a whole header list.</summary>
    public const uint MaxTrailerBlockSize = 64 * 1024;

    /// <summary>
    /// Messages up to this size are serialized into one contiguous span; larger ones are written
    /// segment by segment, so a multi-megabyte message never needs one buffer of its size.
    /// </summary>
    private const int MaxContiguousWrite = 1024 * 1024;

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/>. Returns false when the
    /// frame is not complete yet. The declared length is checked before any payload is buffered.
    /// </summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the frame is larger than allowed.</exception>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out byte flags, out ReadOnlySequence<byte> payload)
    {
        flags = 0;
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        flags = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        // A gRPC-Web trailer block is metadata, not a message: it has its own, fixed bound.
        var limit = (flags & TrailersFlag) == 0 ? (uint)maxMessageSize : MaxTrailerBlockSize;
        if (length > limit)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {limit} bytes).");
        }

        // In long arithmetic: a length near 4 GiB must not wrap around to a small number.
        if (buffer.Length < HeaderSize + (long)length)
        {
            return false;
        }

        payload = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }

    /// <summary>Writes the 5-byte prefix.</summary>
    public static void WriteHeader(Span<byte> destination, byte flags, int length)
    {
        destination[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>
    /// Serializes a message as one frame straight into <paramref name="output"/> (no intermediate
    /// copy unless compressing). Returns the payload size.
    /// </summary>
    public static int WriteMessage(IBufferWriter<byte> output, IMessage message, bool compress, int maxMessageSize = int.MaxValue)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} > {maxMessageSize} bytes).");
        }

        if (compress)
        {
            var compressed = GzipCompression.Compress(message, size);
            WriteHeader(output.GetSpan(HeaderSize), CompressedFlag, compressed.Length);
            output.Advance(HeaderSize);
            output.Write(compressed);
            return compressed.Length;
        }

        if (size <= MaxContiguousWrite)
        {
            // One span for prefix and payload: the serializer runs in a single pass instead of
            // refilling a fresh 4 KiB pipe block sixteen times for a 64 KiB message.
            var frame = output.GetSpan(HeaderSize + size)[..(HeaderSize + size)];
            WriteHeader(frame, 0, size);
            message.WriteTo(frame[HeaderSize..]);
            output.Advance(HeaderSize + size);
            return size;
        }

        WriteHeader(output.GetSpan(HeaderSize), 0, size);
        output.Advance(HeaderSize);
        message.WriteTo(output);
        return size;
    }
}
