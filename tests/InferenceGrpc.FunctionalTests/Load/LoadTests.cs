using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Protocol;
using InferenceGrpc.Testing;
using Xunit.Abstractions;

namespace InferenceGrpc.FunctionalTests.Load;

/// <summary>
/// A bounded load on loopback against the service as its own process: rounds of 20,000 unary
/// ListInferences calls from h2load (4 connections x 16 streams) and 64 concurrent streams of
/// every row. Every call must end OK (counted by the server's own metrics, since h2load only
/// sees HTTP 200), and the server's memory must settle: the last round may not grow it by more
/// than a third over the first.
/// </summary>
public sealed partial class LoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Calls = 20_000;
    private const int Rounds = 3;
    private const int ConcurrentStreams = 64;
    private const string ListPath = "/inference.v1.InferenceQueryService/ListInferences";
    private static readonly Method<WriteRecordsRequest, WriteRecordsResponse> Write = new(IngestionServiceReflection.Descriptor.Services[0], "WriteRecords");
    private static readonly Method<StreamInferencesRequest, StreamInferencesResponse> Stream = new(InferenceQueryServiceReflection.Descriptor.Services[0], "StreamInferences");
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-load-").FullName;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        // A load generator is one caller asking for all it can get: lift the per-caller budget.
        _server = await ServerProcess.StartAsync(_directory, "--Limits:RequestsPerPeriod=100000000", "--Limits:BurstRequests=100000000", "--Limits:ConcurrentStreamsPerCaller=1000");
        using var channel = new GrpcChannel(_server.Grpc);
        var seed = new WriteRecordsRequest { Project = "default" };
        seed.Records.Add(Enumerable.Range(0, 200).Select(i => new Contracts.V1.Record { Inference = new Inference { FunctionName = "load", VariantName = "v" + (i % 3) } }));
        await channel.UnaryAsync(Write, seed);
    }

    [Fact]
    public async Task Rounds_of_unary_calls_and_concurrent_streams_all_succeed_and_memory_settles()
    {
        var body = Path.Combine(_directory, "list.grpc");
        await File.WriteAllBytesAsync(body, Frame(new ListInferencesRequest { Limit = 5 }));
        var rss = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var h2load = await ExternalProcess.RunAsync("h2load",
                ["-n", Calls.ToString(CultureInfo.InvariantCulture), "-c", "4", "-m", "16", "-d", body, "-H", "content-type: application/grpc", "-H", "te: trailers", new Uri(_server.Grpc, ListPath).ToString()],
                TimeSpan.FromMinutes(3));
            Assert.Contains($"{Calls} succeeded, 0 failed, 0 errored, 0 timeout", h2load.StandardOutput, StringComparison.Ordinal);
            await StreamEverythingAsync();
            rss.Add(ResidentBytes(_server.ProcessId));
            output.WriteLine($"round {round + 1}: {Throughput().Match(h2load.StandardOutput).Value}; server RSS {rss[^1] / 1024 / 1024} MiB");
        }

        using var http = new HttpClient { BaseAddress = _server.Http };
        var metrics = await http.GetStringAsync("/metrics");
        var outcomes = CallCounts().Matches(metrics).Where(m => m.Groups["method"].Value == ListPath)
            .ToDictionary(m => m.Groups["code"].Value, m => double.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Rounds * Calls, outcomes.GetValueOrDefault("OK"));
        Assert.Single(outcomes);
        Assert.True(rss[^1] < rss[0] * 4 / 3, $"RSS after each round: {string.Join(", ", rss.Select(r => r / 1024 / 1024 + " MiB"))}");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StreamEverythingAsync()
    {
        using var channel = new GrpcChannel(_server.Grpc);
        var rows = await Task.WhenAll(Enumerable.Range(0, ConcurrentStreams).Select(async _ =>
        {
            var count = 0;
            await using var call = channel.ServerStreaming(Stream, new StreamInferencesRequest { PageSize = 10 });
            await foreach (var page in call)
            {
                count += page.Inferences.Count;
            }

            Assert.Equal(StatusCode.OK, call.Status.Code);
            return count;
        }));
        Assert.All(rows, count => Assert.Equal(200, count));
    }

    private static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    private static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    [GeneratedRegex(@"finished in [^\n]*")]
    private static partial Regex Throughput();

    [GeneratedRegex("""^rpc_server_calls_total\{rpc_grpc_status_code="(?<code>\w+)",rpc_method="(?<method>[^"]+)",rpc_protocol="Grpc"\} (?<count>\S+)$""", RegexOptions.Multiline)]
    private static partial Regex CallCounts();
}
