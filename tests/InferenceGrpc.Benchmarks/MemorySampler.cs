using System.Globalization;

namespace InferenceGrpc.Benchmarks;

/// <summary>Samples a process's resident memory (VmRSS in /proc) in the background and keeps the peak.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _processId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(int processId)
    {
        _processId = processId;
        _loop = Task.Run(SampleAsync);
    }

    public long PeakBytes { get; private set; }

    public static long CurrentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            PeakBytes = Math.Max(PeakBytes, CurrentBytes(_processId));
            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
