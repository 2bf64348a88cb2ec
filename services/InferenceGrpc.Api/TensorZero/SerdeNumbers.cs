using System.Globalization;
using InferenceGrpc.Api.Formatting;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Numbers as TensorZero writes them. serde_json prints floats with the ryu crate: the shortest
/// digits that round-trip, laid out as "0.7", "812.0", "1e30", "1.5e-7" (never "1E+30"), and
/// f32 fields (temperature, top_p, ...) with f32 precision. The digits are the shortest
/// round-trip ones (<see cref="ShortestDigits"/>); only the layout is serde_json's.
/// </summary>
internal static class SerdeNumbers
{
    // 2^53: above it a double no longer tells integers apart, so it stays a float.
    private const double MaxExactInteger = 9007199254740992d;

    /// <summary>An f64 as ryu lays it out (serde_json's Serialize for f64).</summary>
    public static string Float64(double value) => Layout(ShortestDigits.Of(value), maxIntegerDigits: 16, minExponent: -5);

    /// <summary>An f32 as ryu lays it out: TensorZero keeps sampling parameters as f32.</summary>
    public static string Float32(double value) => Layout(ShortestDigits.OfSingle((float)value), maxIntegerDigits: 13, minExponent: -6);

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

    /// <summary>Lays out the shortest round-trip digits the way ryu does ("1.5e-7", "812.0").</summary>
    private static string Layout(ShortestDigits? shortest, int maxIntegerDigits, int minExponent)
    {
        if (shortest is not { } number)
        {
            return "null";
        }

        var (negative, digits, kk) = number;
        var sign = negative ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        // ryu: with `length` digits and value = digits * 10^k, 10^(kk-1) <= value < 10^kk.
        var length = digits.Length;
        var k = kk - length;
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
