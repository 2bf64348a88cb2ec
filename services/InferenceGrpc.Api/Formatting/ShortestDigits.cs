using System.Globalization;

namespace InferenceGrpc.Api.Formatting;

/// <summary>
/// A finite double as the shortest decimal digits that round-trip (what .NET's "R" format,
/// Rust's ryu and JavaScript's Number.prototype.toString all start from), so each API can lay
/// them out the way its own server does: value = ±0.<see cref="Digits"/> × 10^<see cref="PointPosition"/>.
/// </summary>
internal readonly record struct ShortestDigits(bool Negative, string Digits, int PointPosition)
{
    /// <summary>The digits of a finite value, without leading or trailing zeros ("" for zero); null for NaN and infinities.</summary>
    public static ShortestDigits? Of(double value) =>
        double.IsFinite(value) ? Parse(value.ToString("R", CultureInfo.InvariantCulture)) : null;

    /// <summary>The same for a single-precision value: its own, shorter, round-trip digits.</summary>
    public static ShortestDigits? OfSingle(float value) =>
        float.IsFinite(value) ? Parse(value.ToString("R", CultureInfo.InvariantCulture)) : null;

    private static ShortestDigits Parse(string roundTrip)
    {
        var negative = roundTrip.StartsWith('-');
        var text = negative ? roundTrip[1..] : roundTrip;
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integer = point < 0 ? mantissa : mantissa[..point];
        var digits = integer + (point < 0 ? string.Empty : mantissa[(point + 1)..]);
        var position = integer.Length + exponent;

        var significant = digits.TrimStart('0');
        position -= digits.Length - significant.Length;
        significant = significant.TrimEnd('0');
        return significant.Length == 0 ? new ShortestDigits(negative, string.Empty, 0) : new ShortestDigits(negative, significant, position);
    }
}
