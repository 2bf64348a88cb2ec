using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;
using InferenceGrpc.SampleData;
using InferenceGrpc.Server;

namespace InferenceGrpc.Cli.Tests;

/// <summary>
/// The real host in-process on free ports over a fresh SQLite store, loaded once through the
/// CLI's own ingest command from a JSONL file of generated records, shared by every test.
/// </summary>
public sealed class CliServer : IAsyncLifetime
{
    public const int InferenceCount = 1_200;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inferencegrpc-cli-tests-");
    private InferenceGrpcHost? _host;

    /// <summary>Every record the data set holds, as ingested.</summary>
    public IReadOnlyList<Record> Records { get; private set; } = [];

    public CliRun Ingest { get; private set; } = null!;

    public Uri Grpc => _host!.Endpoints.Grpc!;

    public Uri Http => _host!.Endpoints.Http!;

    public string Scratch => _directory.FullName;

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(["--Server:GrpcPort=0", "--Server:HttpPort=0", $"--Storage:Sqlite:DataDirectory={Path.Combine(Scratch, "store")}"]);
        await _host.StartAsync();
        Records = [.. new SampleDataGenerator(new SampleDataOptions { InferenceCount = InferenceCount, Seed = 11 }).GenerateRecords()];
        var file = Path.Combine(Scratch, "records.jsonl");
        await File.WriteAllLinesAsync(file, Records.Select(r => Google.Protobuf.JsonFormatter.Default.Format(r)));
        Ingest = await RunAsync("ingest", file, "--batch-size", "250");
    }

    /// <summary>Runs inferencectl against this server over gRPC.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithAsync(args, name => name == "INFERENCEGRPC_ADDRESS" ? Grpc.ToString() : null);

    /// <summary>Runs inferencectl with only the given environment and flags.</summary>
    public static async Task<CliRun> RunWithAsync(string[] args, Func<string, string?> environment)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(output, error, errorIsTerminal: false), environment);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
