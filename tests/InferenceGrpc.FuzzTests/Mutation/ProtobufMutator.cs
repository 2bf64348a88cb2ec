using System.Text;

namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>
/// Mutations that know the protobuf wire format but not the schema: fields deleted, repeated,
/// given another wire type, edge varints (overflowing, overlong), wrong lengths, invalid UTF-8 in
/// strings, unknown field numbers, and submessages replaced by a copy of an enclosing message,
/// which nests recursive types (filter trees) deeper at each application.
/// </summary>
internal static class ProtobufMutator
{
    public static byte[]? Mutate(Random random, byte[] message) => Mutate(random, message, []);

    private static byte[]? Mutate(Random random, byte[] message, List<byte[]> ancestors)
    {
        var fields = ProtobufField.ParseAll(message);
        if (fields is null)
        {
            return null;
        }

        var op = random.Next(10);
        if (fields.Count == 0 || op == 0)
        {
            fields.Insert(random.Next(fields.Count + 1), UnknownField(random));
            return ProtobufField.WriteAll(fields);
        }

        var at = random.Next(fields.Count);
        var field = fields[at];
        var isLength = field.WireType == ProtobufField.LengthDelimitedType;
        switch (op)
        {
            case 1:
                fields.RemoveAt(at);
                break;
            case 2:
                fields.InsertRange(at, Enumerable.Repeat(field, random.Next(1, 300)));
                break;
            case 3:
                fields[at] = field with { Tag = (field.Tag & ~7UL) | Interesting.Pick(random, new ulong[] { 0, 1, 2, 5 }) };
                break;
            case 4:
                fields[at] = field with { Tag = (field.Tag & ~7UL) | ProtobufField.VarintType, Value = EdgeVarint(random) };
                break;
            case 5 when isLength:
                // The length no longer matches what follows.
                var wrong = ProtobufField.Varint((ulong)Interesting.Pick(random, Interesting.Integers));
                return [.. ProtobufField.WriteAll(fields.Take(at)), .. ProtobufField.Varint(field.Tag), .. wrong, .. field.Value, .. ProtobufField.WriteAll(fields.Skip(at + 1))];
            case 6 when isLength:
                var inner = Mutate(random, field.Value, [.. ancestors, message]) ?? ByteMutator.Mutate(random, field.Value, [message]);
                fields[at] = field with { Value = inner };
                break;
            case 7 when isLength:
                fields[at] = field with { Value = Interesting.Pick(random, ancestors.Append(message).ToList()) };
                break;
            case 8 when isLength:
                fields[at] = field with { Value = [.. field.Value, .. Interesting.Pick(random, Interesting.InvalidUtf8)] };
                break;
            case 9 when isLength:
                fields[at] = field with { Value = Encoding.UTF8.GetBytes(Interesting.LongText(random)) };
                break;
            default:
                // A fixed-width or varint value that changes size breaks the framing, on purpose.
                fields[at] = field with { Value = ByteMutator.Mutate(random, field.Value, [message]) };
                break;
        }

        return ProtobufField.WriteAll(fields);
    }

    private static byte[] EdgeVarint(Random random) => random.Next(3) switch
    {
        0 => ProtobufField.Varint(unchecked((ulong)Interesting.Pick(random, Interesting.Integers))),
        1 => [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
        _ => [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
    };

    private static ProtobufField UnknownField(Random random)
    {
        var number = (ulong)Interesting.Pick(random, new[] { 1, 2, 3, 15, 16, 100, 19_000, 536_870_911 });
        var wireType = (ulong)Interesting.Pick(random, new[] { 0, 1, 2, 5 });
        var value = wireType switch
        {
            0 => ProtobufField.Varint((ulong)random.NextInt64()),
            1 => ByteMutator.RandomBytes(random, 8),
            5 => ByteMutator.RandomBytes(random, 4),
            _ => ByteMutator.RandomBytes(random, random.Next(40)),
        };
        return new ProtobufField((number << 3) | wireType, value);
    }
}
