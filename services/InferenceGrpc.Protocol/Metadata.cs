using System.Collections;

namespace InferenceGrpc.Protocol;

/// <summary>
/// gRPC metadata: ordered key/value pairs with lower-case keys. Keys ending in <c>-bin</c> carry
/// bytes (base64 on the wire, padded or not); all others carry printable ASCII text.
/// </summary>
public sealed class Metadata : IEnumerable<MetadataEntry>
{
    private readonly List<MetadataEntry> _entries = [];

    public int Count => _entries.Count;

    public void Add(string key, string value) => _entries.Add(new MetadataEntry(key, value));

    public void Add(string key, byte[] value) => _entries.Add(new MetadataEntry(key, value));

    public void Add(MetadataEntry entry) => _entries.Add(entry);

    /// <summary>The first entry with this key, or null.</summary>
    public MetadataEntry? Get(string key)
    {
        var normalized = key.ToLowerInvariant();
        return _entries.Find(e => e.Key == normalized);
    }

    /// <summary>The text value of the first entry with this key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
