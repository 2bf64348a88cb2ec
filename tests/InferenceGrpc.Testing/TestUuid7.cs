namespace InferenceGrpc.Testing;

/// <summary>
/// Deterministic UUIDv7s for test data: the given instant in the 48-bit time field, version and
/// variant bits set, and a small sequence number in the last byte, so ids sort by time and then
/// by sequence, the same on every run.
/// </summary>
public static class TestUuid7
{
    public static Guid At(DateTimeOffset time, int sequence = 0)
    {
        var bytes = new byte[16];
        var ms = time.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = 0x70;
        bytes[8] = 0x80;
        bytes[15] = (byte)sequence;
        return new Guid(bytes, bigEndian: true);
    }
}
