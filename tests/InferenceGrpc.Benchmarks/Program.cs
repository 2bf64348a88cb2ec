using System.Globalization;
using InferenceGrpc.Benchmarks;
using InferenceGrpc.Client;
using InferenceGrpc.SampleData;
using InferenceGrpc.Server.Seeding;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Sqlite;
using InferenceGrpc.Testing;

// make bench: the product scenarios. INFERENCES (1,000,000), ROUNDS (30), METRICS_ROUNDS (5),
// QUERY_WARMUP_SECONDS (3, per scenario) and INGEST (100,000) scale the run; METRICS_ONLY=1 runs
// only the metrics queries. The seeded store is kept under artifacts/bench and reused while
// INFERENCES is unchanged.
var inferences = Setting("INFERENCES", 1_000_000);
var rounds = Setting("ROUNDS", 30);
var metricsRounds = Setting("METRICS_ROUNDS", 5);
var warmUp = TimeSpan.FromSeconds(Setting("QUERY_WARMUP_SECONDS", 3));
var ingest = Setting("INGEST", 100_000);
var metricsOnly = Setting("METRICS_ONLY", 0) == 1;
var artifacts = RepositoryPaths.Combine("artifacts", "bench");
var data = Path.Combine(artifacts, $"store-{inferences}");

await EnsureSeededAsync(data, inferences);
var table = new ResultTable();

// The benchmark is one caller asking for everything the server can do: lift the per-caller budget.
string[] unlimited = ["--Limits:RequestsPerPeriod=1000000000", "--Limits:BurstRequests=1000000000", "--Limits:ConcurrentStreamsPerCaller=1000000"];
await using (var server = await ServerProcess.StartAsync(data, unlimited))
using (var channel = new GrpcChannel(server.Grpc))
using (var direct = new SqliteInferenceStore(new SqliteStoreOptions { DataDirectory = data }))
{
    Console.WriteLine($"Metrics: {MetricsScenarios.All.Count} scenarios x {metricsRounds} rounds over {inferences:N0} inferences");
    await new MetricsBenchmark(channel, new SqliteMetricsStore(direct), new PairedTimer(metricsRounds, warmUp)).RunAsync(table);
    if (metricsOnly)
    {
        table.Print(Console.Out);
        return 0;
    }

    Console.WriteLine($"Queries: {QueryScenarios.All.Count} scenarios x {rounds} rounds over {inferences:N0} inferences");
    await new QueryBenchmark(channel, direct, new PairedTimer(rounds, warmUp)).RunAsync(table);
    Console.WriteLine("Streams: 100k rows, then every row");
    await new StreamBenchmark(channel, server.ProcessId, direct, inferences).RunAsync(table);
}

var empty = Directory.CreateTempSubdirectory("inferencegrpc-bench-ingest-").FullName;
try
{
    await using var server = await ServerProcess.StartAsync(empty, unlimited);
    using var channel = new GrpcChannel(server.Grpc);
    Console.WriteLine($"Ingestion: {ingest:N0} inferences, twice");
    await new IngestionBenchmark(channel, ingest).RunAsync(table);
}
finally
{
    Directory.Delete(empty, recursive: true);
}

table.Print(Console.Out);
table.WriteJson(Path.Combine(artifacts, "product-results.json"));
return 0;

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

static async Task EnsureSeededAsync(string directory, int inferences)
{
    var marker = Path.Combine(directory, "seeded.txt");
    if (File.Exists(marker))
    {
        return;
    }

    if (Directory.Exists(directory))
    {
        Directory.Delete(directory, recursive: true);
    }

    Console.WriteLine($"Seeding {inferences:N0} inferences into {directory} (once; reused by later runs)");
    using var store = new SqliteInferenceStore(new SqliteStoreOptions { DataDirectory = directory });
    var loader = new SampleDataLoader(store, TimeProvider.System);
    var records = await loader.LoadAsync(TenantId.Parse("default"), new SampleDataOptions { InferenceCount = inferences }, null, CancellationToken.None);
    await File.WriteAllTextAsync(marker, $"{inferences} inferences, {records} records, seed 42\n");
}
