using System.Security.Cryptography;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Api.TensorZero;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// A dataset row's identity, computed as Weave computes it from a trial's example
/// (api-compat-spec 3.3 step 4): a dataset-row ref string gives the digest at its end; any
/// other string is hashed as it is; any other value is hashed as its
/// <c>json.dumps(example, sort_keys=True, default=str)</c> text. The hash is SHA-256 in
/// URL-safe base64 with '-' made 'X', '_' made 'Y' and the '=' padding dropped: 43 characters.
/// </summary>
internal static class RowDigest
{
    /// <summary>What a dataset-row ref holds before the row's digest: ".../attr/rows/id/&lt;digest&gt;".</summary>
    public const string RowRefMarker = "/attr/rows/id/";

    private static readonly string[] RefSchemes = ["weave:///", "weave-trace-internal:///"];

    /// <summary>The example's row digest.</summary>
    public static string Of(Value? example)
    {
        if (example?.KindCase == Value.KindOneofCase.StringValue)
        {
            return FromRef(example.StringValue) ?? Hash(example.StringValue);
        }

        var json = new SerdeJsonWriter(PythonJson.Canonical);
        json.Value(example);
        return Hash(json.WrittenMemory.Span);
    }

    /// <summary>
    /// The digest at the end of a dataset-row ref ("weave:///entity/project/object/name:version
    /// /attr/rows/id/&lt;digest&gt;"), or null when the string is not one. Our reading of a ref
    /// (README): a weave:/// or weave-trace-internal:/// string holding "/attr/rows/id/"
    /// followed by a last, non-empty path segment.
    /// </summary>
    public static string? FromRef(string text)
    {
        if (!RefSchemes.Any(s => text.StartsWith(s, StringComparison.Ordinal)))
        {
            return null;
        }

        var marker = text.LastIndexOf(RowRefMarker, StringComparison.Ordinal);
        if (marker < 0)
        {
            return null;
        }

        var digest = text[(marker + RowRefMarker.Length)..];
        return digest.Length > 0 && !digest.Contains('/', StringComparison.Ordinal) ? digest : null;
    }

    /// <summary>Weave's str_digest: SHA-256 of the UTF-8 text, URL-safe base64 with X for '-', Y for '_', no padding.</summary>
    public static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(ReadOnlySpan<byte> utf8) =>
        Convert.ToBase64String(SHA256.HashData(utf8)).Replace('+', 'X').Replace('/', 'Y').TrimEnd('=');
}
