using System.Buffers.Binary;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Mints UUIDv7 ids from a given millisecond and seeded random bits, so a run is reproducible
/// (<see cref="Guid.CreateVersion7()"/> reads the clock and the OS random source). Ids come out
/// strictly increasing: within one millisecond the 74 random bits act as a counter, the
/// "monotonic random" method of RFC 9562 section 6.2.
/// </summary>
internal sealed class SeededUuid7Factory(Random random)
{
    private const ulong RandBMask = (1UL << 62) - 1;

    private long _lastMilliseconds = -1;
    private ulong _randA;
    private ulong _randB;

    public Guid Next(long unixMilliseconds)
    {
        if (unixMilliseconds > _lastMilliseconds)
        {
            _lastMilliseconds = unixMilliseconds;

            // The top bit of the 12-bit rand_a stays clear, leaving room to count upwards.
            _randA = (ulong)random.Next(1 << 11);
            _randB = (ulong)random.NextInt64() & RandBMask;
        }
        else
        {
            Increment();
        }

        return Compose(_lastMilliseconds, _randA, _randB);
    }

    private void Increment()
    {
        _randB = (_randB + 1) & RandBMask;
        if (_randB != 0)
        {
            return;
        }

        _randA++;
        if (_randA < 1 << 12)
        {
            return;
        }

        // 2^74 ids in one millisecond cannot happen in practice; borrowing the next millisecond
        // keeps the order strict if it ever did.
        _lastMilliseconds++;
        _randA = 0;
    }

    /// <summary>Lays out unix_ts_ms (48 bits), ver (4), rand_a (12), var (2), rand_b (62).</summary>
    internal static Guid Compose(long unixMilliseconds, ulong randA, ulong randB)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, ((ulong)unixMilliseconds << 16) | 0x7000UL | (randA & 0x0FFF));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], 0x8000_0000_0000_0000UL | (randB & RandBMask));
        return new Guid(bytes, bigEndian: true);
    }
}
