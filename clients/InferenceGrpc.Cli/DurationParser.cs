using System.CommandLine.Parsing;
using System.Globalization;

namespace InferenceGrpc.Cli;

/// <summary>Reads durations as people type them: 500ms, 30s, 5m, 2h.</summary>
internal static class DurationParser
{
    private static readonly (string Suffix, Func<double, TimeSpan> Make)[] Units =
    [
        ("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours),
    ];

    /// <summary>A System.CommandLine parser: the duration, or a parse error naming the bad text.</summary>
    public static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        foreach (var (suffix, make) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                && amount > 0)
            {
                return make(amount);
            }
        }

        result.AddError($"'{text}' is not a duration: use a positive number with ms, s, m or h, e.g. 30s.");
        return null;
    }
}
