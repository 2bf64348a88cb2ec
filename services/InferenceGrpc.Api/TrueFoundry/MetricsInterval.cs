using System.Globalization;
using System.Text.RegularExpressions;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// A timeseries bucket width: "&lt;positive integer&gt; &lt;unit&gt;" with one of the fixed-length
/// units second, minute, hour, day, week (a plural "s" is accepted). Compound expressions,
/// other units (month and year have no fixed length) and non-positive counts are refused.
/// </summary>
internal static partial class MetricsInterval
{
    private static readonly Dictionary<string, long> UnitMilliseconds = new(StringComparer.Ordinal)
    {
        ["second"] = 1_000,
        ["minute"] = 60_000,
        ["hour"] = 3_600_000,
        ["day"] = 86_400_000,
        ["week"] = 604_800_000,
    };

    /// <summary>The width in milliseconds, or null with the reason it is invalid.</summary>
    public static long? TryParse(string text, out string? error)
    {
        error = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = $"interval '{text}' must be '<positive integer> <unit>', such as '5 minute' or '1 hour'";
            return null;
        }

        var unit = match.Groups["unit"].Value.TrimEnd('s');
        if (!UnitMilliseconds.TryGetValue(unit, out var milliseconds))
        {
            error = $"interval '{text}': unknown unit '{match.Groups["unit"].Value}'; use second, minute, hour, day or week";
            return null;
        }

        if (!long.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0 || count > long.MaxValue / milliseconds)
        {
            error = $"interval '{text}': the count must be a positive integer";
            return null;
        }

        return count * milliseconds;
    }

    [GeneratedRegex(@"^\s*(?<count>[0-9]+)\s+(?<unit>[a-z]+)\s*$")]
    private static partial Regex Pattern();
}
