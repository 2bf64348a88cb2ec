using System.Globalization;
using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Api.TensorZero;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Numbers as Python's json module writes them. A float is its repr: the shortest digits that
/// round-trip (as .NET's "R" also finds), written fixed when the decimal exponent is from -4 to
/// 16 ("0.0001", "1e-05", "1e+16", "1.0"), with Python's "Infinity" and "NaN".
/// </summary>
internal static class PythonFloat
{
    /// <summary>repr(float(value)).</summary>
    public static string Repr(double value)
    {
        if (ShortestDigits.Of(value) is not { } number)
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }

        var (negative, digits, pointAt) = number;
        var sign = negative ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

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
    public static string JsonNumber(double value) => SerdeNumbers.IsInteger(value) ? SerdeNumbers.Integer(value) : Repr(value);
}
