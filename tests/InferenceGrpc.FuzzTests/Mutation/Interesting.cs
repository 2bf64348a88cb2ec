using System.Text;

namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>The values that break parsers most often, shared by every mutator.</summary>
internal static class Interesting
{
    /// <summary>Numbers as JSON text: overflows of every integer width, floats JSON cannot hold, odd notations.</summary>
    public static readonly string[] JsonNumbers =
    [
        "0", "-0", "-1", "1", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "18446744073709551616", "1e400", "-1e400", "1e-400", "1.5", "0.1", "1E2", "123456789012345678901234567890",
        "NaN", "Infinity", "-Infinity", "0x10", "01", "+1", ".5", "5.", "1e", "--1",
    ];

    /// <summary>Strings as JSON text: unicode oddities, lone surrogates, escapes, formats close to valid.</summary>
    public static readonly string[] JsonStrings =
    [
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\\u202e\\u200b\\ufeff\"",
        "\"e\\u0301\\u0301\\u0301\"", "\"\\\\\"", "\"%00\"", "\"NaN\"", "\"Infinity\"", "\"-1\"", "\"1e400\"",
        "\"00000000-0000-0000-0000-000000000000\"", "\"0192b3c4-0000-7000-8000-000000000000\"", "\"ffffffff-ffff-ffff-ffff-ffffffffffff\"",
        "\"2025-13-45T25:61:61Z\"", "\"9999-12-31T23:59:59.999999999Z\"", "\"0000-01-01T00:00:00Z\"", "\"true\"", "\"null\"",
        "\"=\"", "\"!=\"", "\">=\"", "\"and\"", "\"or\"", "\"not\"", "\"tag\"", "\"float_metric\"", "\"boolean_metric\"", "\"time\"",
        "\"ÿ\"", "\"\\t\\n\\r\"",
    ];

    /// <summary>Raw bytes that are not valid UTF-8 (a stray continuation, an overlong form, a cut sequence).</summary>
    public static readonly byte[][] InvalidUtf8 = [[0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]];

    public static readonly byte[] Bytes = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0A, 0x0D, 0x22, 0x5C, 0x7B, 0x5B];

    public static readonly long[] Integers = [0, 1, -1, 127, 128, 255, 256, 32767, 65535, 65536, int.MaxValue, int.MinValue, uint.MaxValue, long.MaxValue, long.MinValue, 4 * 1024 * 1024, 4 * 1024 * 1024 + 1];

    public static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>A long string: one character repeated, or a pattern, up to 200,000 characters.</summary>
    public static string LongText(Random random)
    {
        var length = random.Next(4) switch { 0 => 1_001, 1 => 4_097, 2 => 65_537, _ => random.Next(200_000) };
        var unit = Pick(random, new[] { "a", "é", "🌸", "\\", "%", "\u0000", "ab&=" });
        var text = new StringBuilder(length + 4);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString();
    }
}
