using System.Text;

namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// Makes any bytes sendable as the end of a URL: characters a request line can carry stay as
/// they are (so "%zz", "&&" and "[]" reach the server), everything else is percent-encoded.
/// </summary>
internal static class UrlText
{
    private const string Kept = "-._~:/?[]@!$&'()*+,;=%";

    public static string Escape(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b < 0x80 && (char.IsAsciiLetterOrDigit((char)b) || Kept.Contains((char)b, StringComparison.Ordinal)))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
