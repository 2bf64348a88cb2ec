using System.Diagnostics.Metrics;

namespace InferenceGrpc.Storage.Tests;

/// <summary>
/// Sums what one instrument of the store's meter records for one operation tag while it lives.
/// Meters are process-wide: the tag keeps other tests' measurements out.
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private double _total;
    private readonly Lock _gate = new();

    public MeasurementRecorder(string instrumentName, string operation)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeasuredInferenceStore.MeterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Add(value, tags, operation));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(value, tags, operation));
        _listener.Start();
    }

    public double Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, string operation)
    {
        foreach (var (key, tagValue) in tags)
        {
            if (key == "operation" && (string?)tagValue == operation)
            {
                lock (_gate)
                {
                    _total += value;
                }
            }
        }
    }
}
