using System.Globalization;
using System.Text.RegularExpressions;

namespace InferenceGrpc.FunctionalTests.Infrastructure;

/// <summary>Reads one sample out of a Prometheus text scrape of /metrics.</summary>
internal static partial class MetricsScrape
{
    /// <summary>The value of the sample named exactly <paramref name="series"/> (name and labels), 0 when absent.</summary>
    public static double Value(string metrics, string series)
    {
        foreach (Match sample in SampleLine().Matches(metrics))
        {
            if (sample.Groups["series"].Value == series)
            {
                return double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^(?<series>\S+) (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
