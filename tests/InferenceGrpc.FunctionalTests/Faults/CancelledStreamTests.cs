using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FunctionalTests.Faults;

/// <summary>
/// A client that cancels a stream mid-way stops the store reads behind it: the server (its own
/// process, so its /metrics count only this test) ends the call as cancelled after the page
/// queries flow control allowed, not the 600 a full stream of one-row pages would make.
/// </summary>
public sealed class CancelledStreamTests : IAsyncLifetime
{
    private const int Rows = 600;
    private static readonly Method<WriteRecordsRequest, WriteRecordsResponse> Write = new(IngestionServiceReflection.Descriptor.Services[0], "WriteRecords");
    private static readonly Method<StreamInferencesRequest, StreamInferencesResponse> Stream = new(InferenceQueryServiceReflection.Descriptor.Services[0], "StreamInferences");
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-cancel-").FullName;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_directory);
        using var channel = new GrpcChannel(_server.Grpc);
        var seed = new WriteRecordsRequest { Project = "default" };
        seed.Records.Add(Enumerable.Range(0, Rows).Select(_ => new Contracts.V1.Record { Inference = new Inference { FunctionName = "f" } }));
        await channel.UnaryAsync(Write, seed);
    }

    [Fact]
    public async Task Cancelling_a_stream_stops_its_store_queries()
    {
        using var http = new HttpClient { BaseAddress = _server.Http };
        var before = MetricsScrape.Value(await http.GetStringAsync("/metrics"), MetricsScrape.StoreQueries);
        using var channel = new GrpcChannel(_server.Grpc);
        using var cancel = new CancellationTokenSource();
        await using (var call = channel.ServerStreaming(Stream, new StreamInferencesRequest { PageSize = 1 }, new CallOptions { CancellationToken = cancel.Token }))
        {
            await using var pages = call.GetAsyncEnumerator();
            for (var i = 0; i < 3; i++)
            {
                Assert.True(await pages.MoveNextAsync());
            }

            cancel.Cancel();
        }

        // Wait for the server to have ended the call (a condition, polled), then count.
        string metrics;
        do
        {
            metrics = await http.GetStringAsync("/metrics");
        }
        while (MetricsScrape.Value(metrics, MetricsScrape.CancelledStreams("Grpc")) < 1);
        var queries = MetricsScrape.Value(metrics, MetricsScrape.StoreQueries) - before;
        var later = MetricsScrape.Value(await http.GetStringAsync("/metrics"), MetricsScrape.StoreQueries) - before;

        // The server runs ahead of the reader by what HTTP/2 flow control lets it buffer (64 KiB,
        // about 80 one-row pages here), then waits; once cancelled it queries no more.
        Assert.InRange(queries, 3, Rows / 3);
        Assert.Equal(queries, later);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
