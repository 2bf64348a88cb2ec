using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FunctionalTests.Faults;

/// <summary>
/// A client that opens a stream and stops reading loses it after the stream write timeout (one
/// second here), and the store reads behind it stop; a client that reads slowly keeps its stream.
/// The server runs in its own process, so its /metrics count only these tests.
/// </summary>
public sealed class StalledStreamTests : IAsyncLifetime
{
    private const int Rows = 120;
    private const string StreamPath = "/inference.v1.InferenceQueryService/StreamInferences";
    private const string StoreQueries = "inferencegrpc_store_duration_seconds_count{operation=\"query_inferences\"}";
    private const string StalledStreams = "rpc_server_stalled_streams_total{rpc_method=\"" + StreamPath + "\",rpc_protocol=\"Grpc\"}";
    private const string CancelledStreams = "rpc_server_calls_total{rpc_grpc_status_code=\"Cancelled\",rpc_method=\"" + StreamPath + "\",rpc_protocol=\"Grpc\"}";
    private static readonly Method<WriteRecordsRequest, WriteRecordsResponse> Write = new(IngestionServiceReflection.Descriptor.Services[0], "WriteRecords");
    private static readonly Method<StreamInferencesRequest, StreamInferencesResponse> Stream = new(InferenceQueryServiceReflection.Descriptor.Services[0], "StreamInferences");

    // Generous bounds for what must happen: the timeout itself is one second.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-stall-").FullName;
    private ServerProcess _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_directory, "--Grpc:StreamWriteTimeout=00:00:01");
        _http = new HttpClient { BaseAddress = _server.Http };
        using var channel = new GrpcChannel(_server.Grpc);
        var seed = new WriteRecordsRequest { Project = "default" };

        // 8 KB a row, one row a page: a few pages fill the server's per-stream buffer.
        var prompt = new string('x', 8 * 1024);
        seed.Records.Add(Enumerable.Range(0, Rows).Select(_ => new Contracts.V1.Record { Inference = new Inference { FunctionName = "f", Input = Value.ForString(prompt) } }));
        await channel.UnaryAsync(Write, seed);
    }

    [Fact]
    public async Task A_client_that_grants_no_flow_control_window_has_its_stream_reset_and_the_store_reads_stop()
    {
        using var patience = new CancellationTokenSource(Patience);
        var before = await ScrapeAsync(StoreQueries);
        var stalledBefore = await ScrapeAsync(StalledStreams);
        await using var client = await RawHttp2Connection.ConnectAsync(_server.Grpc, initialWindowSize: 0, patience.Token);

        await client.SendRequestAsync(1, Headers(), Framed(new StreamInferencesRequest { PageSize = 1 }), patience.Token);
        var reset = await NextFrameOnStream1Async(client, RawHttp2Connection.RstStream, patience.Token);

        Assert.Equal(0x8u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(reset.Payload)); // CANCEL
        while (await ScrapeAsync(CancelledStreams) < 1)
        {
            await Task.Delay(50, patience.Token); // the call's end is recorded just after the reset
        }

        var queries = await ScrapeAsync(StoreQueries) - before;
        Assert.Equal(stalledBefore + 1, await ScrapeAsync(StalledStreams));
        Assert.InRange(queries, 1, Rows / 4);
        Assert.Equal(queries, await ScrapeAsync(StoreQueries) - before);
    }

    [Fact]
    public async Task A_client_that_reads_slowly_keeps_its_stream_to_the_end()
    {
        using var channel = new GrpcChannel(_server.Grpc);
        var stalledBefore = await ScrapeAsync(StalledStreams);
        var pages = 0;

        await using var call = channel.ServerStreaming(Stream, new StreamInferencesRequest { PageSize = 1 });
        await foreach (var page in call)
        {
            pages += page.Inferences.Count;
            await Task.Delay(20); // each message is taken well within the timeout, but slowly
        }

        Assert.Equal(Rows, pages);
        Assert.Equal(stalledBefore, await ScrapeAsync(StalledStreams));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private (string, string)[] Headers() =>
    [
        (":method", "POST"), (":scheme", "http"), (":path", StreamPath), (":authority", _server.Grpc.Authority),
        ("content-type", "application/grpc"), ("te", "trailers"),
    ];

    private static byte[] Framed(IMessage message)
    {
        var body = message.ToByteArray();
        var framed = new byte[5 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1), body.Length);
        body.CopyTo(framed, 5);
        return framed;
    }

    private static async Task<(byte Type, byte Flags, int StreamId, byte[] Payload)> NextFrameOnStream1Async(RawHttp2Connection client, byte type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await client.ReadFrameAsync(cancellationToken);
            Assert.NotEqual(RawHttp2Connection.GoAway, frame.Type);
            if (frame.StreamId == 1 && frame.Type == type)
            {
                return frame;
            }
        }
    }

    private async Task<double> ScrapeAsync(string series) => MetricsScrape.Value(await _http.GetStringAsync("/metrics"), series);
}
