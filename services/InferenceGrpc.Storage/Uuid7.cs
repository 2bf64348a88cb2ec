using System.Buffers.Binary;

namespace InferenceGrpc.Storage;

/// <summary>
/// UUIDv7 helpers. A UUIDv7 starts with a 48-bit Unix millisecond timestamp, so its big-endian
/// bytes sort by creation time. <see cref="Guid.CompareTo(Guid)"/> does not use that order
/// (it compares the mixed-endian fields), so stores keep ids as big-endian bytes or as
/// lower-case hyphenated text, whose ordinal order is the same.
/// </summary>
public static class Uuid7
{
    public static Guid New() => Guid.CreateVersion7();

    public static Guid New(DateTimeOffset time) => Guid.CreateVersion7(time);

    public static bool IsVersion7(Guid id) => id.Version == 7;

    /// <summary>The creation time in a version-7 id; false for other versions or an unrepresentable time.</summary>
    public static bool TryTimestamp(Guid id, out DateTimeOffset time)
    {
        time = default;
        if (!IsVersion7(id))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var milliseconds = (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16);
        if (milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    /// <summary>The creation time carried in a version-7 id.</summary>
    /// <exception cref="ArgumentException">The id is not a version-7 id with a representable time.</exception>
    public static DateTimeOffset Timestamp(Guid id) =>
        TryTimestamp(id, out var time) ? time : throw new ArgumentException($"{id} is not a UUIDv7 with a representable time.", nameof(id));

    public static byte[] ToBigEndianBytes(Guid id) => id.ToByteArray(bigEndian: true);

    public static Guid FromBigEndianBytes(ReadOnlySpan<byte> bytes) => new(bytes, bigEndian: true);

    /// <summary>Compares in creation order, the order of the big-endian bytes.</summary>
    public static int Compare(Guid left, Guid right)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        left.TryWriteBytes(a, bigEndian: true, out _);
        right.TryWriteBytes(b, bigEndian: true, out _);
        return a.SequenceCompareTo(b);
    }

    /// <summary>Lower-case hyphenated text, the form every API emits.</summary>
    public static string Format(Guid id) => id.ToString("D");

    /// <summary>
    /// Parses hyphenated, 32-hex, {braced} and urn:uuid: forms, as TensorZero's parser accepts.
    /// </summary>
    public static bool TryParse(string? text, out Guid id)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var value = text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? text[9..] : text;
        return Guid.TryParseExact(value, "D", out id) || Guid.TryParseExact(value, "N", out id) || Guid.TryParseExact(value, "B", out id);
    }
}
