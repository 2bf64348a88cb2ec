using System.Globalization;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Numbers as Python's json module writes them. A float is its repr: the shortest digits that
/// round-trip (as .NET's "R" also finds), written fixed when the decimal exponent is from -4 to
/// 16 ("0.0001", "1e-05", "1e+16", "1.0"), with Python's "Infinity" and "NaN".
/// </summary>
internal static class PythonFloat
{
    /// <summary>2^53: above it a double no longer holds every integer, so a JSON integer could not have been exact.</summary>
    private const double MaxExactInteger = 9007199254740992d;

    /// <summary>repr(float(value)).</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var (negative, digits, pointAt) = ShortestDigits(value);
        var sign = negative ? "-" : string.Empty;
        if (pointAt > -4 && pointAt <= 16)
        {
            if (pointAt <= 0)
            {
                return sign + "0." + new string('0', -pointAt) + digits;
            }

            return pointAt >= digits.Length
                ? sign + digits + new string('0', pointAt - digits.Length) + ".0"
                : sign + digits[..pointAt] + "." + digits[pointAt..];
        }

        var exponent = pointAt - 1;
        var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A JSON number held as a protobuf double, which cannot say whether it was written as an
    /// integer. Our choice (README, Weave section): an integral value within ±2^53 is written as
    /// the integer Python's json.loads would have made of it ("5"); anything else as a float.
    /// </summary>
    public static string JsonNumber(double value) =>
        Math.Floor(value) == value && Math.Abs(value) <= MaxExactInteger
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : Repr(value);

    /// <summary>The shortest round-trip digits without leading or trailing zeros, and where the decimal point goes.</summary>
    private static (bool Negative, string Digits, int PointAt) ShortestDigits(double value)
    {
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var digits = integerPart + fraction;
        var pointAt = integerPart.Length + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        pointAt -= leading;
        digits = digits.TrimEnd('0');
        return (double.IsNegative(value), digits, pointAt);
    }
}
