using System.Globalization;
using InferenceGrpc.Api.Formatting;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// Numbers as a JavaScript server's JSON.stringify writes them (Number::toString, ECMA-262
/// 6.1.6.1.20): the shortest round-trip digits, whole numbers without a fraction ("150", not
/// "150.0"), plain decimals from 1e-6 up to 1e21 ("0.0000025"), exponents outside that range
/// ("1e-7", "1e+21"), and null for NaN and infinities. Galtea's server language is not
/// published [unverified]; its documented example values are all in the plain range.
/// </summary>
internal static class EcmaScriptNumbers
{
    public static string Format(double value)
    {
        if (ShortestDigits.Of(value) is not { } number)
        {
            return "null";
        }

        var (negative, digits, n) = number;
        if (digits.Length == 0)
        {
            // JavaScript writes -0 as "0".
            return "0";
        }

        var sign = negative ? "-" : string.Empty;
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }

        if (n > 0 && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }

        if (n > -6 && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign + mantissa + "e" + (exponent > 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }
}
