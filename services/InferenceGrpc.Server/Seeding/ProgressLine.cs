using System.Diagnostics;
using System.Globalization;

namespace InferenceGrpc.Server.Seeding;

/// <summary>A one-line progress bar on standard error, redrawn in place at most a few times a second.</summary>
internal sealed class ProgressLine(long total, string unit, TextWriter output)
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDrawn;

    public void Report(long done, long records)
    {
        if (done < total && _lastDrawn is { } last && _clock.Elapsed - last < TimeSpan.FromMilliseconds(250))
        {
            return;
        }

        _lastDrawn = _clock.Elapsed;
        var fraction = total == 0 ? 1 : Math.Min(1, (double)done / total);
        var filled = (int)(fraction * Width);
        var rate = records / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {done:N0}/{total:N0} {unit}, {rate:N0} records/s   "));
        if (done >= total)
        {
            output.WriteLine();
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;
}
