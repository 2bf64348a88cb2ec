using System.Text;

namespace InferenceGrpc.Api.Access;

/// <summary>
/// Reads the key out of an Authorization header in the styles the four APIs' clients send:
/// <c>Bearer &lt;key&gt;</c> (TensorZero, Galtea, TrueFoundry) and <c>Basic base64(api:&lt;key&gt;)</c>
/// (Weave's clients; the user name is not checked, the password is the key).
/// </summary>
internal static class AuthorizationHeader
{
    public static bool TryReadKey(string header, out string key, out string problem)
    {
        key = "";
        problem = "";
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var value = space < 0 ? "" : header[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            key = value;
        }
        else if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            key = BasicPassword(value);
        }
        else
        {
            problem = $"Unsupported authorization scheme '{scheme}': send 'Bearer <API key>' or Basic credentials with the key as the password.";
            return false;
        }

        if (key.Length == 0)
        {
            problem = $"The {scheme} credentials carry no API key.";
            return false;
        }

        return true;
    }

    private static string BasicPassword(string encoded)
    {
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? "" : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
