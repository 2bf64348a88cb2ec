using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace InferenceGrpc.Server.Observability;

/// <summary>
/// Listens to the service's own meters (names starting "InferenceGrpc.") and keeps running
/// totals per instrument and tag set: sums for counters, count, sum and bucket counts for
/// histograms. <see cref="PrometheusExposition"/> writes them out. Recording costs two
/// concurrent-dictionary lookups and a short lock on the one series it touches.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    /// <summary>Histogram bucket bounds, in the instrument's unit (seconds for durations).</summary>
    public static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly MeterListener _listener = new();

    public MetricsCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("InferenceGrpc.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Every series seen so far, by instrument.</summary>
    public ConcurrentDictionary<Instrument, ConcurrentDictionary<string, Series>> Instruments { get; } = new();

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = Instruments.GetOrAdd(instrument, _ => new ConcurrentDictionary<string, Series>())
            .GetOrAdd(Labels(tags), labels => new Series(labels));
        series.Add(value, instrument is Histogram<double> or Histogram<long>);
    }

    // Prometheus label syntax, sorted so one tag set is always one series.
    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            pairs.Add($"{PrometheusExposition.Name(key)}=\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    /// <summary>One instrument with one tag set.</summary>
    internal sealed class Series(string labels)
    {
        private readonly long[] _bucketCounts = new long[Buckets.Length];
        private readonly object _gate = new();

        public string Labels { get; } = labels;

        public double Sum { get; private set; }

        public long Count { get; private set; }

        public IReadOnlyList<long> BucketCounts => _bucketCounts;

        public void Add(double value, bool histogram)
        {
            lock (_gate)
            {
                Sum += value;
                Count++;
                if (histogram)
                {
                    for (var i = 0; i < Buckets.Length; i++)
                    {
                        if (value <= Buckets[i])
                        {
                            _bucketCounts[i]++;
                        }
                    }
                }
            }
        }
    }
}
