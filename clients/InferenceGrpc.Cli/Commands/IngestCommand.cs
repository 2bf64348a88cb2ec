using System.CommandLine;
using Google.Protobuf;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Commands;

/// <summary>
/// <c>inferencectl ingest FILE</c>: loads records from JSON Lines (each line an
/// inference.v1.Record in proto3 JSON, e.g. {"inference": {...}}) over one client stream. The
/// whole file is parsed before anything is sent, so a malformed line stores nothing. The server
/// commits batch by batch: if it rejects a record, the batches before it stay stored, and since
/// writes are idempotent by record id, running again after a fix is safe for records with ids.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var source = new Argument<FileInfo>("file") { Description = "A JSONL file of inference.v1.Record objects." };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per batch [default: 500; at most 10,000].", DefaultValueFactory = _ => 500 };
        var command = new Command("ingest", "Load records from a JSONL file.") { source, batchSize };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(source)!;
            var size = parse.GetValue(batchSize);
            if (size is < 1 or > 10_000)
            {
                throw new CliUsageException($"--batch-size {size} is out of range: use 1 to 10,000.");
            }

            var lines = await CheckAsync(file, cancellationToken);
            using var client = connection.Connect(parse, cancellationToken);
            var reply = await ProgressDisplay.RunAsync(console, "ingesting", lines, progress => client.WriteAsync(Batches(file, size, progress, cancellationToken)));
            var counts = reply.Counts;
            console.Error.WriteLine(
                $"Stored {counts.Inferences:N0} inference(s), {counts.Feedback:N0} feedback, {counts.MetricDefinitions:N0} metric definition(s), " +
                $"{counts.EvaluationRuns:N0} evaluation run(s), {counts.EvaluationTrials:N0} trial(s), {counts.InferenceEvaluations:N0} inference evaluation(s) in {reply.Batches:N0} batch(es).");
            return ExitCodes.Success;
        });
        return command;
    }

    // Parses every line once up front and returns how many records there are.
    private static async Task<long> CheckAsync(FileInfo file, CancellationToken cancellationToken)
    {
        long records = 0;
        await foreach (var _ in Records(file, cancellationToken))
        {
            records++;
        }

        return records;
    }

    private static async IAsyncEnumerable<StreamRecordsRequest> Batches(FileInfo file, int size, IProgress<double> progress, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new StreamRecordsRequest();
        long sent = 0;
        await foreach (var record in Records(file, cancellationToken))
        {
            batch.Records.Add(record);
            if (batch.Records.Count == size)
            {
                sent += batch.Records.Count;
                yield return batch;
                progress.Report(sent);
                batch = new StreamRecordsRequest();
            }
        }

        if (batch.Records.Count > 0)
        {
            yield return batch;
            progress.Report(sent + batch.Records.Count);
        }
    }

    private static async IAsyncEnumerable<Record> Records(FileInfo file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliUsageException($"{file.FullName} does not exist.");
        }

        using var reader = file.OpenText();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Record record;
            try
            {
                record = JsonParser.Default.Parse<Record>(line);
            }
            catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException)
            {
                throw new CliUsageException($"{file.Name} line {number}: {ex.Message}");
            }

            if (record.KindCase == Record.KindOneofCase.None)
            {
                throw new CliUsageException($"{file.Name} line {number}: the record names no kind; use {{\"inference\": {{...}}}}, {{\"feedback\": {{...}}}} and so on.");
            }

            yield return record;
        }
    }
}
