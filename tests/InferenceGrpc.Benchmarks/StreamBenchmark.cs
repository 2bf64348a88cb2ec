using System.Diagnostics;
using Google.Protobuf;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Query;
using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Benchmarks;

/// <summary>
/// Exporting every inference with StreamInferences: rows per second end to end, time to the
/// first page and the server's memory, for a 100k-row and a full stream (flat memory means the
/// full stream peaks no higher than the short one). The floor reads and serializes the same
/// pages in this process, without the network.
/// </summary>
internal sealed class StreamBenchmark(GrpcChannel channel, int serverProcessId, SqliteInferenceStore directStore, long totalRows)
{
    private const int PageSize = 1000;
    private static readonly Method<StreamInferencesRequest, StreamInferencesResponse> Stream = new(InferenceQueryServiceReflection.Descriptor.Services[0], "StreamInferences");

    public async Task RunAsync(ResultTable table)
    {
        var idle = MemorySampler.CurrentBytes(serverProcessId);
        var (shortRate, _, shortPeak) = await StreamAsync(100_000);
        var (fullRate, firstPage, fullPeak) = await StreamAsync(long.MaxValue);
        var floorRate = await FloorAsync();

        table.Add("stream: 100k rows", "rows/s", shortRate, shortRate, shortRate, "rows/s");
        table.Add($"stream: all {totalRows:N0} rows", "rows/s", fullRate, fullRate, fullRate, "rows/s", $"{fullRate / floorRate:N2}x floor ({floorRate:N0} rows/s)");
        table.Add($"stream: all {totalRows:N0} rows", "first page", firstPage, firstPage, firstPage, "ms");
        table.Add("stream: server RSS idle / 100k / all", "peak RSS", fullPeak / 1048576.0, idle / 1048576.0, shortPeak / 1048576.0, "MiB",
            $"all/100k = {(double)fullPeak / shortPeak:N2} (idle {idle / 1048576.0:N0} MiB, 100k {shortPeak / 1048576.0:N0} MiB)");
    }

    private async Task<(double RowsPerSecond, double FirstPageMs, long PeakRss)> StreamAsync(long limit)
    {
        await using var memory = new MemorySampler(serverProcessId);
        var started = Stopwatch.GetTimestamp();
        double firstPage = 0;
        long rows = 0;
        await using (var call = channel.ServerStreaming(Stream, new StreamInferencesRequest { PageSize = PageSize }))
        {
            await foreach (var page in call)
            {
                if (rows == 0)
                {
                    firstPage = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                rows += page.Inferences.Count;
                if (rows >= limit)
                {
                    break;
                }
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (rows / seconds, firstPage, memory.PeakBytes);
    }

    /// <summary>The same pages read from the store and serialized in this process: the most the network path could reach.</summary>
    private async Task<double> FloorAsync()
    {
        var tenant = TenantId.Parse("default");
        var query = new InferenceQuery { Limit = PageSize };
        var started = Stopwatch.GetTimestamp();
        long rows = 0;
        long bytes = 0;
        while (true)
        {
            var page = await directStore.QueryInferencesAsync(tenant, query, default);
            var message = new StreamInferencesResponse();
            message.Inferences.AddRange(page.Items.Select(r => new StoredInference { Inference = r.Inference, Output = r.Inference.Output }));
            bytes += message.ToByteArray().Length;
            rows += page.Items.Count;
            if (page.Items.Count < PageSize)
            {
                break;
            }

            query = query with { Before = Guid.Parse(page.Items[^1].Inference.Id) };
        }

        return bytes > 0 ? rows / Stopwatch.GetElapsedTime(started).TotalSeconds : 0;
    }
}
