using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Testing;
using InferenceGrpc.Protocol;
using InferenceGrpc.Storage;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.FunctionalTests.Ingestion;

/// <summary>Writing records over gRPC: validation that names every bad field, bulk client streams, idempotency.</summary>
public sealed class IngestionTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private static readonly Method<WriteRecordsRequest, WriteRecordsResponse> Write = new(IngestionServiceReflection.Descriptor.Services[0], "WriteRecords");
    private static readonly Method<StreamRecordsRequest, StreamRecordsResponse> Stream = new(IngestionServiceReflection.Descriptor.Services[0], "StreamRecords");
    private static readonly Method<ListInferencesRequest, ListInferencesResponse> List = new(InferenceQueryServiceReflection.Descriptor.Services[0], "ListInferences");
    private readonly GrpcChannel _channel = new(server.Endpoints.Grpc!);
    private readonly string _project = "ingest-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task WriteRecords_InvalidRecords_FailsWholeBatchNamingEveryBadField()
    {
        var request = new WriteRecordsRequest { Project = _project };
        request.Records.Add(Inference("f"));
        request.Records.Add(new Record { Inference = new Inference { Id = "not-a-uuid" } });
        request.Records.Add(new Record { Feedback = new Feedback { TargetId = Uuid7.Format(Uuid7.New()), MetricName = "undefined", FloatValue = 1 } });

        var error = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(Write, request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(error.Status.Details!));
        Assert.Equal(["records[1].inference.id", "records[2].feedback.metric_name"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task StreamRecords_ManyBatches_StoresEveryRecordAndCountsBatches()
    {
        async IAsyncEnumerable<StreamRecordsRequest> Batches()
        {
            for (var batch = 0; batch < 5; batch++)
            {
                var request = new StreamRecordsRequest { Project = batch == 0 ? _project : string.Empty };
                request.Records.Add(Enumerable.Range(0, 200).Select(_ => Inference("bulk")));
                yield return request;
                await Task.Yield();
            }
        }

        var response = await _channel.ClientStreamingAsync(Stream, Batches());

        Assert.Equal(5, response.Batches);
        Assert.Equal(1000, response.Counts.Inferences);
        Assert.Equal(1000, await CountAsync());
    }

    [Fact]
    public async Task WriteRecords_SameBatchTwice_StoresEachRecordOnce()
    {
        var request = new WriteRecordsRequest { Project = _project };
        request.Records.Add(Enumerable.Range(0, 10).Select(_ => Inference("again")));

        var first = await _channel.UnaryAsync(Write, request);
        var second = await _channel.UnaryAsync(Write, request);

        Assert.Equal(first.Ids, second.Ids);
        Assert.Equal(10, await CountAsync());
    }

    [Fact]
    public async Task WriteRecords_MissingIds_AreMintedAsUuid7AndReturnedInRequestOrder()
    {
        var request = new WriteRecordsRequest { Project = _project };
        request.Records.Add(new Record { MetricDefinition = new MetricDefinition { Name = "score", Type = MetricType.Float } });
        request.Records.Add(new Record { Inference = new Inference { FunctionName = "minted" } });

        var response = await _channel.UnaryAsync(Write, request);

        Assert.Equal("score", response.Ids[0]);
        Assert.True(Uuid7.TryParse(response.Ids[1], out var id) && Uuid7.IsVersion7(id));
    }

    public void Dispose() => _channel.Dispose();

    private static Record Inference(string function) =>
        new() { Inference = new Inference { Id = Uuid7.Format(Uuid7.New()), FunctionName = function, VariantName = "v" } };

    private async Task<long> CountAsync() =>
        (await _channel.UnaryAsync(List, new ListInferencesRequest { Project = _project, Limit = 0, IncludeTotalCount = true })).TotalCount;
}
