using System.Diagnostics;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.SampleData;

namespace InferenceGrpc.Benchmarks;

/// <summary>
/// Writing sample data over gRPC into an empty embedded store: unary WriteRecords batches, then a
/// StreamRecords client stream, each for the same number of inferences (different projects).
/// </summary>
internal sealed class IngestionBenchmark(GrpcChannel channel, int inferences)
{
    private static readonly Method<WriteRecordsRequest, WriteRecordsResponse> Write = new(IngestionServiceReflection.Descriptor.Services[0], "WriteRecords");
    private static readonly Method<StreamRecordsRequest, StreamRecordsResponse> StreamWrite = new(IngestionServiceReflection.Descriptor.Services[0], "StreamRecords");

    public async Task RunAsync(ResultTable table)
    {
        var options = new SampleDataOptions { InferenceCount = inferences, Seed = 7 };

        var started = Stopwatch.GetTimestamp();
        long records = 0;
        foreach (var batch in new SampleDataGenerator(options).GenerateBatches())
        {
            var request = new WriteRecordsRequest { Project = "bench-batch" };
            request.Records.AddRange(batch);
            records += batch.Count;
            await channel.UnaryAsync(Write, request);
        }

        var batchRate = records / Stopwatch.GetElapsedTime(started).TotalSeconds;

        started = Stopwatch.GetTimestamp();
        var response = await channel.ClientStreamingAsync(StreamWrite, Batches(options));
        var total = response.Counts.Inferences + response.Counts.Feedback + response.Counts.MetricDefinitions
            + response.Counts.EvaluationRuns + response.Counts.EvaluationTrials + response.Counts.InferenceEvaluations;
        var streamRate = total / Stopwatch.GetElapsedTime(started).TotalSeconds;

        table.Add($"ingest: {inferences:N0} inferences, WriteRecords", "records/s", batchRate, batchRate, batchRate, "records/s", $"{records:N0} records in 5,000-record batches");
        table.Add($"ingest: {inferences:N0} inferences, StreamRecords", "records/s", streamRate, streamRate, streamRate, "records/s", $"{streamRate / batchRate:N2}x WriteRecords");
    }

    private static async IAsyncEnumerable<StreamRecordsRequest> Batches(SampleDataOptions options)
    {
        foreach (var batch in new SampleDataGenerator(options).GenerateBatches())
        {
            var request = new StreamRecordsRequest { Project = "bench-stream" };
            request.Records.AddRange(batch);
            yield return request;
            await Task.CompletedTask;
        }
    }
}
