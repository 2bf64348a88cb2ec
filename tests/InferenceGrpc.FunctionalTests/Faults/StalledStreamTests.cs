using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FunctionalTests.Faults;

/// <summary>
/// A client that opens a stream and stops reading loses it after the stream write timeout (one
/// second here), over HTTP/2 and HTTP/1.1, and the store reads behind it stop; a client that reads
/// slowly keeps its stream.
/// The server runs in its own process, so its /metrics count only these tests.
/// </summary>
public sealed class StalledStreamTests : IAsyncLifetime
{
    private const int Rows = 128;
    private const string StreamPath = "/inference.v1.InferenceQueryService/StreamInferences";
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

        // 64 KB a row, one row a page: one page fills the server's per-stream buffer, and the
        // 8 MB of a whole stream is more than the socket buffers of a connection can hold.
        var prompt = new string('x', 64 * 1024);
        for (var batch = 0; batch < Rows / 32; batch++)
        {
            var seed = new WriteRecordsRequest { Project = "default" };
            seed.Records.Add(Enumerable.Range(0, 32).Select(_ => new Contracts.V1.Record { Inference = new Inference { FunctionName = "f", Input = Value.ForString(prompt) } }));
            await channel.UnaryAsync(Write, seed);
        }
    }

    [Fact]
    public async Task A_client_that_grants_no_flow_control_window_has_its_stream_reset_and_the_store_reads_stop()
    {
        using var patience = new CancellationTokenSource(Patience);
        var before = await ScrapeAsync(MetricsScrape.StoreQueries);
        var stalledBefore = await ScrapeAsync(Stalled("Grpc"));
        await using var client = await RawHttp2Connection.ConnectAsync(_server.Grpc, initialWindowSize: 0, patience.Token);

        await client.SendRequestAsync(1, Headers(), Framed(new StreamInferencesRequest { PageSize = 1 }), patience.Token);
        var reset = await NextFrameOnStream1Async(client, RawHttp2Connection.RstStream, patience.Token);

        Assert.Equal(0x8u, BinaryPrimitives.ReadUInt32BigEndian(reset.Payload)); // CANCEL
        await AssertStoreReadsStoppedAsync("Grpc", before, Rows / 4, patience.Token);
        Assert.Equal(stalledBefore + 1, await ScrapeAsync(Stalled("Grpc")));
    }

    [Fact]
    public async Task A_grpc_web_client_on_http1_that_stops_reading_loses_its_connection_and_the_store_reads_stop()
    {
        using var patience = new CancellationTokenSource(Patience);
        var before = await ScrapeAsync(MetricsScrape.StoreQueries);
        var stalledBefore = await ScrapeAsync(Stalled("GrpcWeb"));

        // A small receive buffer, set before connecting, so the socket takes little and the
        // server's send buffer (up to 4 MB on Linux) and Kestrel's are what fills.
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(_server.Http.Host, _server.Http.Port, patience.Token);
        var body = Framed(new StreamInferencesRequest { PageSize = 1 });
        var head = $"POST {StreamPath} HTTP/1.1\r\nHost: {_server.Http.Authority}\r\nContent-Type: application/grpc-web+proto\r\nContent-Length: {body.Length}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(body).ToArray(), patience.Token);

        await AssertStoreReadsStoppedAsync("GrpcWeb", before, Rows - 1, patience.Token);
        Assert.Equal(stalledBefore + 1, await ScrapeAsync(Stalled("GrpcWeb")));
        var buffer = new byte[64 * 1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, patience.Token) > 0)
            {
                // What was sent before the abort; the connection then ends.
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // An abort with unread data may end the connection with a reset instead.
        }
    }

    [Fact]
    public async Task A_client_that_reads_slowly_keeps_its_stream_to_the_end()
    {
        using var channel = new GrpcChannel(_server.Grpc);
        var stalledBefore = await ScrapeAsync(Stalled("Grpc"));
        var pages = 0;

        await using var call = channel.ServerStreaming(Stream, new StreamInferencesRequest { PageSize = 1 });
        await foreach (var page in call)
        {
            pages += page.Inferences.Count;
            await Task.Delay(20); // each message is taken well within the timeout, but slowly
        }

        Assert.Equal(Rows, pages);
        Assert.Equal(stalledBefore, await ScrapeAsync(Stalled("Grpc")));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Stalled(string protocol) => $"rpc_server_stalled_streams_total{{rpc_method=\"{StreamPath}\",rpc_protocol=\"{protocol}\"}}";

    /// <summary>Waits for the server to have ended the call, then checks that no store read came after.</summary>
    private async Task AssertStoreReadsStoppedAsync(string protocol, double queriesBefore, int maxQueries, CancellationToken cancellationToken)
    {
        while (await ScrapeAsync(MetricsScrape.CancelledStreams(protocol)) < 1)
        {
            await Task.Delay(50, cancellationToken);
        }

        var queries = await ScrapeAsync(MetricsScrape.StoreQueries) - queriesBefore;
        Assert.InRange(queries, 1, maxQueries);
        Assert.Equal(queries, await ScrapeAsync(MetricsScrape.StoreQueries) - queriesBefore);
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
        BinaryPrimitives.WriteInt32BigEndian(framed.AsSpan(1), body.Length);
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
