using System.Globalization;

namespace InferenceGrpc.Api;

/// <summary>
/// A finite, non-zero number as the shortest decimal digits that round-trip (no leading or
/// trailing zeros) and where the decimal point goes: value = 0.DIGITS × 10^PointAt. .NET's "R"
/// format finds those digits; each vendor's number layout (serde_json's ryu, Python's repr)
/// only places them differently.
/// </summary>
internal readonly record struct ShortestDecimal(bool Negative, string Digits, int PointAt)
{
    /// <summary>The digits of a finite round-trip text such as "-1.5E-07"; null for zero.</summary>
    public static ShortestDecimal? Parse(string roundTrip)
    {
        var negative = roundTrip.StartsWith('-');
        var text = negative ? roundTrip[1..] : roundTrip;
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var digits = integerPart + (point < 0 ? string.Empty : mantissa[(point + 1)..]);
        var trimmed = digits.TrimStart('0');
        if (trimmed.Length == 0)
        {
            return null;
        }

        var pointAt = integerPart.Length + exponent - (digits.Length - trimmed.Length);
        return new ShortestDecimal(negative, trimmed.TrimEnd('0'), pointAt);
    }

    /// <summary>The shortest round-trip digits of a finite double; null for zero.</summary>
    public static ShortestDecimal? Of(double value) => Parse(value.ToString("R", CultureInfo.InvariantCulture));
}
