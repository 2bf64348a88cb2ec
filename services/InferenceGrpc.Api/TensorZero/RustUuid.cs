using System.Globalization;
using System.Text;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Parses a UUID the way TensorZero's `uuid` crate does (1.x: hyphenated, 32-hex simple,
/// {braced}, urn:uuid:), and on failure gives the crate's own diagnosis, so a bad id is
/// "before: UUID parsing failed: invalid group count: expected 5, found 2" as in TensorZero.
/// The crate counts lengths and positions in UTF-8 bytes, and so does this.
/// </summary>
internal static class RustUuid
{
    private static readonly int[] BlockStarts = [0, 9, 14, 19, 24];
    private static readonly int[] GroupLengths = [8, 4, 4, 4, 12];

    /// <summary>The id in lower-case hyphenated form, or a serde error with the crate's text.</summary>
    public static string Parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return TryParse(bytes, out var id) ? id.ToString("D") : throw new SerdeError("UUID parsing failed: " + Diagnose(text, bytes));
    }

    private static bool TryParse(byte[] input, out Guid id)
    {
        id = default;
        ReadOnlySpan<byte> body;
        switch (input.Length)
        {
            case 32:
                return AllHex(input) && Guid.TryParseExact(Encoding.ASCII.GetString(input), "N", out id);
            case 36:
                body = input;
                break;
            case 38 when input[0] == '{' && input[^1] == '}':
                body = input.AsSpan(1, 36);
                break;
            case 45 when input.AsSpan().StartsWith("urn:uuid:"u8):
                body = input.AsSpan(9);
                break;
            default:
                return false;
        }

        for (var i = 0; i < body.Length; i++)
        {
            var hyphen = i is 8 or 13 or 18 or 23;
            if (hyphen ? body[i] != '-' : !IsHex(body[i]))
            {
                return false;
            }
        }

        return Guid.TryParseExact(Encoding.ASCII.GetString(body), "D", out id);
    }

    /// <summary>uuid's InvalidUuid::into_err: the first bad character, else the length or grouping problem.</summary>
    private static string Diagnose(string text, byte[] bytes)
    {
        var (body, offset, simple) = text switch
        {
            ['{', .. var inner, '}'] => (inner, 1, false),
            _ when text.StartsWith("urn:uuid:", StringComparison.Ordinal) => (text[9..], 9, false),
            _ => (text, 0, true),
        };

        var hyphens = 0;
        var bounds = new int[4];
        var index = 0;
        foreach (var rune in body.EnumerateRunes())
        {
            if (rune.Value > 0x7F || (rune.Value != '-' && !IsHex((byte)rune.Value)))
            {
                return $"invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `{rune}` at {(index + offset + 1).ToString(CultureInfo.InvariantCulture)}";
            }

            if (rune.Value == '-')
            {
                if (hyphens < 4)
                {
                    bounds[hyphens] = index;
                }

                hyphens++;
            }

            index += rune.Utf8SequenceLength;
        }

        if (hyphens == 0 && simple)
        {
            return $"invalid length: expected length 32 for simple format, found {bytes.Length.ToString(CultureInfo.InvariantCulture)}";
        }

        if (hyphens != 4)
        {
            return $"invalid group count: expected 5, found {(hyphens + 1).ToString(CultureInfo.InvariantCulture)}";
        }

        for (var group = 0; group < 4; group++)
        {
            if (bounds[group] != BlockStarts[group + 1] - 1)
            {
                return GroupLength(group, bounds[group] - BlockStarts[group]);
            }
        }

        // The crate measures the last group against the whole input, prefix included.
        return GroupLength(4, bytes.Length - BlockStarts[4]);
    }

    private static string GroupLength(int group, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"invalid group length in group {group}: expected {GroupLengths[group]}, found {length}");

    private static bool AllHex(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (!IsHex(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');
}
