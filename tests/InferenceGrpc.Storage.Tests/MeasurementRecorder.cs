using System.Diagnostics.Metrics;

namespace InferenceGrpc.Storage.Tests;

/// <summary>
/// Sums what one instrument of the store's meter records for one operation tag while it lives.
/// Meters are process-wide: the tag keeps other tests' measurements out.
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public MeasurementRecorder(string instrumentName, string operation)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeasuredInferenceStore.MeterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var (key, tagValue) in tags)
            {
                if (key == "operation" && (string?)tagValue == operation)
                {
                    Interlocked.Add(ref _total, value);
                }
            }
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
