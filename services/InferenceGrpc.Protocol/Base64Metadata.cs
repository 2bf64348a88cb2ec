namespace InferenceGrpc.Protocol;

/// <summary>
/// Base64 for binary metadata: emit unpadded, accept padded and unpadded (PROTOCOL-HTTP2.md,
/// "Binary-Header"). Several values joined by commas are decoded and concatenated.
/// </summary>
public static class Base64Metadata
{
    public static string Encode(ReadOnlySpan<byte> value) => Convert.ToBase64String(value).TrimEnd('=');

    /// <exception cref="FormatException">The value is not base64.</exception>
    public static byte[] Decode(string wireValue)
    {
        if (wireValue.Contains(','))
        {
            return wireValue.Split(',').SelectMany(part => Decode(part.Trim())).ToArray();
        }

        var padding = (4 - (wireValue.Length % 4)) % 4;
        return Convert.FromBase64String(padding == 0 ? wireValue : wireValue + new string('=', padding));
    }
}
