using System.Buffers.Binary;
using System.IO.Compression;

namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>gRPC length-prefixed framing (flags byte, 4-byte big-endian length, payload), to build and take apart seeds.</summary>
public static class GrpcFrames
{
    public static byte[] Frame(byte[] payload, byte flags = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Frame(Google.Protobuf.IMessage message) => Frame(Google.Protobuf.MessageExtensions.ToByteArray(message));

    /// <summary>A gzip-compressed frame (flag 1), as a client sends with grpc-encoding: gzip.</summary>
    public static byte[] Gzipped(byte[] payload)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
        {
            gzip.Write(payload);
        }

        return Frame(buffer.ToArray(), flags: 1);
    }

    /// <summary>The frames of a body, or null when it does not split into whole frames.</summary>
    internal static List<(byte Flags, byte[] Payload)>? Split(byte[] body)
    {
        var frames = new List<(byte, byte[])>();
        for (var at = 0; at < body.Length;)
        {
            if (body.Length - at < 5)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            if (length > body.Length - at - 5)
            {
                return null;
            }

            frames.Add((body[at], body.AsSpan(at + 5, (int)length).ToArray()));
            at += 5 + (int)length;
        }

        return frames;
    }
}
