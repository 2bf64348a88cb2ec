using System.Buffers.Binary;

namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>Mutations that know nothing of the format: flips, cuts, inserts, repeats and splices.</summary>
internal static class ByteMutator
{
    public static byte[] Mutate(Random random, byte[] input, IReadOnlyList<byte[]> others)
    {
        if (input.Length == 0)
        {
            return RandomBytes(random, random.Next(1, 64));
        }

        var bytes = input.ToList();
        var at = random.Next(bytes.Count);
        switch (random.Next(10))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[at] = Interesting.Pick(random, Interesting.Bytes);
                break;
            case 2:
                bytes.InsertRange(at, RandomBytes(random, random.Next(1, 16)));
                break;
            case 3:
                bytes.RemoveRange(at, random.Next(1, bytes.Count - at + 1));
                break;
            case 4:
                // Truncation anywhere, the commonest real-world corruption.
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 5:
                var length = random.Next(1, Math.Min(64, bytes.Count - at) + 1);
                var copy = bytes.GetRange(at, length);
                for (var n = random.Next(1, 40); n > 0; n--)
                {
                    bytes.InsertRange(at, copy);
                }

                break;
            case 6:
                var other = Interesting.Pick(random, others);
                var from = random.Next(other.Length + 1);
                bytes = [.. bytes.Take(at), .. other.Skip(from)];
                break;
            case 7:
                bytes.InsertRange(at, Interesting.Pick(random, Interesting.InvalidUtf8));
                break;
            case 8:
                var number = new byte[8];
                BinaryPrimitives.WriteInt64BigEndian(number, Interesting.Pick(random, Interesting.Integers));
                var width = Interesting.Pick(random, new[] { 1, 2, 4, 8 });
                for (var i = 0; i < width && at + i < bytes.Count; i++)
                {
                    bytes[at + i] = number[8 - width + i];
                }

                break;
            default:
                (bytes[at], bytes[random.Next(bytes.Count)]) = (bytes[random.Next(bytes.Count)], bytes[at]);
                break;
        }

        return [.. bytes];
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
