namespace InferenceGrpc.Protocol;

/// <summary>One metadata pair. Binary entries (key ends in <c>-bin</c>) hold bytes, others text.</summary>
public sealed class MetadataEntry
{
    public const string BinarySuffix = "-bin";

    public MetadataEntry(string key, string value)
    {
        Key = NormalizeKey(key);
        if (IsBinaryKey(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' ends in '{BinarySuffix}' and needs a byte value.", nameof(key));
        }

        Value = value;
    }

    public MetadataEntry(string key, byte[] value)
    {
        Key = NormalizeKey(key);
        if (!IsBinaryKey(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' carries bytes and must end in '{BinarySuffix}'.", nameof(key));
        }

        ValueBytes = value;
    }

    public string Key { get; }

    /// <summary>The text value; null for a binary entry.</summary>
    public string? Value { get; }

    /// <summary>The byte value; null for a text entry.</summary>
    public byte[]? ValueBytes { get; }

    public bool IsBinary => ValueBytes is not null;

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value as sent on the wire: text as is, bytes as unpadded base64.</summary>
    public string ToWireValue() => ValueBytes is null ? Value! : Base64Metadata.Encode(ValueBytes);

    /// <summary>Builds an entry from a wire header, decoding <c>-bin</c> values.</summary>
    public static MetadataEntry FromWire(string key, string wireValue) =>
        IsBinaryKey(key) ? new MetadataEntry(key, Base64Metadata.Decode(wireValue)) : new MetadataEntry(key, wireValue);

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return key.ToLowerInvariant();
    }

    public override string ToString() => $"{Key}: {ToWireValue()}";
}
