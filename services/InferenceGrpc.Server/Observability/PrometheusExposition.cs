using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace InferenceGrpc.Server.Observability;

/// <summary>
/// Writes the collected metrics in the Prometheus text format (version 0.0.4) at
/// <c>GET /metrics</c> on the HTTP port: counters as <c>_total</c>, histograms with cumulative
/// <c>_bucket</c>, <c>_sum</c> and <c>_count</c>. Names follow Prometheus rules (dots become
/// underscores; the unit is appended, e.g. <c>rpc_server_duration_seconds</c>).
/// </summary>
internal static class PrometheusExposition
{
    public const string Path = "/metrics";
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(MetricsCollector collector)
    {
        var text = new StringBuilder();
        foreach (var (instrument, series) in collector.Instruments.OrderBy(i => i.Key.Name, StringComparer.Ordinal))
        {
            var histogram = instrument is Histogram<double> or Histogram<long>;
            var name = Name(instrument.Name) + (instrument.Unit == "s" ? "_seconds" : "") + (histogram ? "" : "_total");
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {instrument.Description}\n# TYPE {name} {(histogram ? "histogram" : "counter")}\n");
            foreach (var one in series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal))
            {
                if (histogram)
                {
                    WriteHistogram(text, name, one);
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{{{one.Labels}}} {Number(one.Sum)}\n");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A Prometheus metric or label name: letters, digits and underscores.</summary>
    public static string Name(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private static void WriteHistogram(StringBuilder text, string name, MetricsCollector.Series series)
    {
        var separator = series.Labels.Length > 0 ? "," : "";
        for (var i = 0; i < MetricsCollector.Buckets.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{series.Labels}{separator}le=\"{Number(MetricsCollector.Buckets[i])}\"}} {series.BucketCounts[i]}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{series.Labels}{separator}le=\"+Inf\"}} {series.Count}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{series.Labels}}} {Number(series.Sum)}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count{{{series.Labels}}} {series.Count}\n");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
