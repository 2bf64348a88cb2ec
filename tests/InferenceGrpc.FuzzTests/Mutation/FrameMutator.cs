using System.Buffers.Binary;

namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>
/// Mutations of gRPC framing: the payload mutated as protobuf, the compressed flag set on a plain
/// or gzip payload, unknown flags, length prefixes that lie (oversize, short, 4 GiB), frames cut
/// short, garbage after the last frame, extra messages and empty bodies.
/// </summary>
internal static class FrameMutator
{
    public static byte[]? Mutate(Random random, byte[] body)
    {
        var frames = GrpcFrames.Split(body);
        if (frames is null || frames.Count == 0)
        {
            return null;
        }

        var at = random.Next(frames.Count);
        var (flags, payload) = frames[at];
        switch (random.Next(12))
        {
            case 0:
                frames[at] = (Interesting.Pick(random, new byte[] { 1, 2, 0x80, 0x81, 0xFF }), payload);
                break;
            case 1:
                // The first bytes of a frame that claims another length.
                var lying = GrpcFrames.Frame(payload, flags);
                BinaryPrimitives.WriteUInt32BigEndian(lying.AsSpan(1), Interesting.Pick(random, new uint[] { uint.MaxValue, int.MaxValue, 4u * 1024 * 1024 + 1, (uint)payload.Length + 1, (uint)Math.Max(0, payload.Length - 1) }));
                return Join(frames, at, lying);
            case 2:
                var whole = Join(frames, -1, []);
                return whole[..random.Next(whole.Length)];
            case 3:
                return [.. Join(frames, -1, []), .. ByteMutator.RandomBytes(random, random.Next(1, 9))];
            case 4:
                frames.InsertRange(at, Enumerable.Repeat(frames[at], random.Next(1, 4)));
                break;
            case 5:
                return random.Next(2) == 0 ? [] : GrpcFrames.Frame([]);
            case 6:
                var gzip = GrpcFrames.Gzipped(random.Next(3) == 0 ? new byte[random.Next(1, 8) * 1024 * 1024] : payload);
                frames[at] = (gzip[0], gzip[5..]);
                break;
            default:
                frames[at] = (flags, ProtobufMutator.Mutate(random, payload) ?? ByteMutator.Mutate(random, payload, [payload]));
                break;
        }

        return Join(frames, -1, []);
    }

    private static byte[] Join(List<(byte Flags, byte[] Payload)> frames, int replaceAt, byte[] replacement) =>
        [.. frames.SelectMany((frame, i) => i == replaceAt ? replacement : GrpcFrames.Frame(frame.Payload, frame.Flags))];
}
