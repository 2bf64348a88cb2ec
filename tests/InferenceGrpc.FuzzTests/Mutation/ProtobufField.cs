namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>One field as it stands on the wire: its tag (number and wire type) and its value bytes (for LEN, without the length).</summary>
internal sealed record ProtobufField(ulong Tag, byte[] Value)
{
    public const int VarintType = 0;
    public const int LengthDelimitedType = 2;

    public int WireType => (int)(Tag & 7);

    /// <summary>Reads a message's fields, or null when the bytes are not a well-formed message (groups count as not).</summary>
    public static List<ProtobufField>? ParseAll(byte[] bytes)
    {
        var fields = new List<ProtobufField>();
        for (var at = 0; at < bytes.Length;)
        {
            if (!TryVarint(bytes, ref at, out var tag) || tag >> 3 == 0)
            {
                return null;
            }

            var start = at;
            var length = (tag & 7) switch
            {
                0 => TryVarint(bytes, ref at, out _) ? at - start : -1,
                1 => 8,
                2 => TryVarint(bytes, ref at, out var n) && n <= (ulong)(bytes.Length - at) ? (int)n : -1,
                5 => 4,
                _ => -1,
            };
            if (length < 0 || at - ((tag & 7) == 0 ? length : 0) + length > bytes.Length)
            {
                return null;
            }

            var valueStart = (tag & 7) == 0 ? start : at;
            fields.Add(new ProtobufField(tag, bytes[valueStart..(valueStart + length)]));
            at = valueStart + length;
        }

        return fields;
    }

    public static byte[] WriteAll(IEnumerable<ProtobufField> fields)
    {
        var bytes = new List<byte>();
        foreach (var field in fields)
        {
            bytes.AddRange(Varint(field.Tag));
            if (field.WireType == LengthDelimitedType)
            {
                bytes.AddRange(Varint((ulong)field.Value.Length));
            }

            bytes.AddRange(field.Value);
        }

        return [.. bytes];
    }

    public static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>(10);
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static bool TryVarint(byte[] bytes, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && at < bytes.Length; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
