namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>UUIDv7 values from a seeded random source: Guid.CreateVersion7 uses the system RNG, which would make runs differ.</summary>
internal static class DeterministicIds
{
    public static Guid Version7(long unixMilliseconds, Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(unixMilliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return Uuid7.FromBigEndianBytes(bytes);
    }

    /// <summary>
    /// A version 4 UUID whose first 48 bits still read as a time before year 9999: episode ids
    /// need not be UUIDv7, and a store must place them anyway.
    /// </summary>
    public static Guid Version4(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[0] &= 0x7F;
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return Uuid7.FromBigEndianBytes(bytes);
    }
}
