using System.Globalization;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Numbers as TensorZero writes them. serde_json prints floats with the ryu crate: the shortest
/// digits that round-trip, laid out as "0.7", "812.0", "1e30", "1.5e-7" (never "1E+30"), and
/// f32 fields (temperature, top_p, ...) with f32 precision. .NET's "R" format already gives
/// the shortest round-trip digits; only the layout differs, so the digits are re-laid here.
/// </summary>
internal static class SerdeNumbers
{
    // 2^53: above it a double no longer tells integers apart, so it stays a float.
    private const double MaxExactInteger = 9007199254740992d;

    /// <summary>An f64 as ryu lays it out (serde_json's Serialize for f64).</summary>
    public static string Float64(double value) => Layout(value.ToString("R", CultureInfo.InvariantCulture), maxIntegerDigits: 16, minExponent: -5);

    /// <summary>An f32 as ryu lays it out: TensorZero keeps sampling parameters as f32.</summary>
    public static string Float32(double value) => Layout(((float)value).ToString("R", CultureInfo.InvariantCulture), maxIntegerDigits: 13, minExponent: -6);

    /// <summary>An integer field (u32, u64): the value without a fraction.</summary>
    public static string Integer(double value) => ((long)value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether a stored number is a whole number that fits an integer field.</summary>
    public static bool IsInteger(double value) => double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) <= MaxExactInteger;

    /// <summary>
    /// A number inside stored JSON (input, output, schemas). The store keeps JSON numbers as
    /// doubles and so cannot tell 1 from 1.0; whole numbers are written as integers, which is
    /// how they almost always arrived (token counts, ids, enum-like values).
    /// </summary>
    public static string JsonNumber(double value) =>
        !double.IsFinite(value) ? "null" : IsInteger(value) ? value.ToString("F0", CultureInfo.InvariantCulture) : Float64(value);

    /// <summary>Re-lays .NET's shortest round-trip text ("1.5E-07") the way ryu does ("1.5e-7").</summary>
    private static string Layout(string roundTrip, int maxIntegerDigits, int minExponent)
    {
        if (roundTrip is "NaN" or "Infinity" or "-Infinity" or "∞" or "-∞")
        {
            return "null";
        }

        if (ShortestDecimal.Parse(roundTrip) is not { } number)
        {
            return roundTrip.StartsWith('-') ? "-0.0" : "0.0";
        }

        var (negative, digits, kk) = number;

        // ryu: with `length` digits and value = digits * 10^k, 10^(kk-1) <= value < 10^kk.
        var length = digits.Length;
        var k = kk - length;
        var sign = negative ? "-" : string.Empty;
        if (k >= 0 && kk <= maxIntegerDigits)
        {
            return sign + digits + new string('0', k) + ".0";
        }

        if (kk > 0 && kk <= maxIntegerDigits)
        {
            return sign + digits[..kk] + "." + digits[kk..];
        }

        if (kk > minExponent && kk <= 0)
        {
            return sign + "0." + new string('0', -kk) + digits;
        }

        var scientific = length == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign + scientific + "e" + (kk - 1).ToString(CultureInfo.InvariantCulture);
    }
}
