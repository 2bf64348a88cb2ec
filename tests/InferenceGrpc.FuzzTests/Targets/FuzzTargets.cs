using System.Text;
using System.Text.Json;
using Google.Protobuf;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FuzzTests.Engine;
using InferenceGrpc.FuzzTests.Mutation;
using static InferenceGrpc.FuzzTests.Engine.Wire;

namespace InferenceGrpc.FuzzTests.Targets;

/// <summary>
/// Every surface the fuzzer attacks, one entry each. A new API is one more entry: a name, the
/// wire and path, the input shape, valid seeds and, for REST, its documented error shape, e.g.
/// <c>new("galtea.inference_results", RestGet, "/inferenceResults", InputShape.Text, Text("?limit=10&amp;sort=created_at:desc"), ErrorShape.Galtea)</c>,
/// with the API's error body added to <see cref="ErrorShape"/>.
/// Read targets must leave the store unchanged; write targets may store only whole valid batches.
/// </summary>
public static class FuzzTargets
{
    private const string QueryService = "/inference.v1.InferenceQueryService/";

    public static IReadOnlyList<FuzzTarget> Reads { get; } =
    [
        new("tensorzero.get_inferences", RestPost, "/v1/inferences/get_inferences", InputShape.Json, QuerySeeds.GetJson, ErrorShape.TensorZero),
        new("tensorzero.list_inferences", RestPost, "/v1/inferences/list_inferences", InputShape.Json, QuerySeeds.ListJson, ErrorShape.TensorZero),
        new("tensorzero.stream_inferences", RestPost, "/v1/inferences/stream_inferences", InputShape.Json, QuerySeeds.StreamJson, ErrorShape.TensorZero),
        new("tensorzero.list_inferences.page_token", RestPost, "/v1/inferences/list_inferences", InputShape.Text, [], ErrorShape.TensorZero,
            Encode: token => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { limit = 2, page_token = Encoding.UTF8.GetString(token) })),
            LiveSeeds: client => RestPageTokenAsync(client)),
        .. AllGrpcWires("query.get_inferences", QueryService + "GetInferences", QuerySeeds.GetMessages),
        .. AllGrpcWires("query.list_inferences", QueryService + "ListInferences", QuerySeeds.ListMessages),
        .. AllGrpcWires("query.stream_inferences", QueryService + "StreamInferences", QuerySeeds.StreamMessages),
        new("query.list_inferences.page_token", Wire.Grpc, QueryService + "ListInferences", InputShape.Text, [],
            Encode: token => GrpcFrames.Frame(new ListInferencesRequest { Limit = 2, PageToken = Encoding.UTF8.GetString(token) }),
            LiveSeeds: client => GrpcPageTokenAsync(client)),
        new("grpc.headers", GrpcWithHeaders, QueryService + "ListInferences", InputShape.Text, HeaderSeeds()),
        new("grpc_web_text.raw", GrpcWebTextRaw, QueryService + "ListInferences", InputShape.Text, WebTextSeeds()),
        new("api_keys.list.query_string", RestGet, "/v1/projects/", InputShape.Text, Text("default/apiKeys", "default/apiKeys?project=default&x=1")),
        new("galtea.inference_results", RestGet, "/inferenceResults", InputShape.Text,
            Text("?limit=10&offset=0&sort[]=createdAt&sort[]=desc", "?sessionIds[]=s1&sessionIds[]=s2&fromCreatedAt=2025-12-01T00:00:00Z&toCreatedAt=2026-01-01", "?ids=a,b&sort=-createdAt"),
            ErrorShape.Galtea),
        new("galtea.inference_results.stream", RestGet, "/inferenceResults:stream", InputShape.Text,
            Text("?query.limit=10&pageSize=3", "?query.sort=index:asc&query.sessionIds=s1&pageSize=100"), ErrorShape.Galtea),
        new("weave.eval_results_query", RestPost, "/v2/fuzz/default/eval_results/query", InputShape.Json,
            Text("""{"evaluation_call_ids": ["e1", "e2"], "require_intersection": true, "include_summary": true, "limit": 5, "offset": 1}""",
                """{"evaluation_run_ids": ["e1"], "include_raw_data_rows": true, "resolve_row_refs": true, "include_rows": false, "summary_require_intersection": null}"""),
            ErrorShape.Weave),
        new("weave.eval_results_stream", RestPost, "/v2/fuzz/default/eval_results/stream", InputShape.Json,
            Text("""{"evaluation_call_ids": ["e1"], "include_summary": true, "page_size": 2}"""), ErrorShape.Weave),
        new("truefoundry.metrics_query", RestPost, "/api/svc/v1/llm-gateway/metrics/query", InputShape.Json,
            Text(
                """{"startTs": "2025-12-01T00:00:00Z", "endTs": "2026-01-01T00:00:00Z", "datasource": "modelMetrics", "type": "timeseries", "interval": "1 day", "aggregations": [{"type": "p99", "column": "latencyMs"}, {"type": "sum", "column": "costInUSD"}, {"type": "countDistinct", "column": "modelName"}], "groupBy": ["modelName", "team"], "filters": [{"fieldName": "virtualModelName", "operator": "IS_NULL", "value": true}, {"metadataKey": "env", "operator": "IN", "value": ["prod"]}]}""",
                """{"startTs": "2025-12-01T00:00:00Z", "endTs": "2025-12-02T00:00:00Z", "datasource": "modelMetrics", "type": "distribution", "filters": [{"fieldName": "latencyMs", "operator": "BETWEEN", "value": [10, 5000]}, {"fieldName": "modelName", "operator": "STRING_CONTAINS", "value": "gpt"}]}"""),
            ErrorShape.TrueFoundry),
        new("bookshelf.list_books.query_string", RestGet, "/v1/shelves/", InputShape.Text,
            Text("s1/books?authors=Ada&authors=Grace&years.min=1900&years.max=2000&genre=GENRE_FICTION&page_size=2", "s1/books?authors[]=a,b&genre=2")),
        new("bookshelf.search_books.query_string", RestGet, "/v1/books:search", InputShape.Text, Text("?query=dune&tags=a&tags=b", "?tags[]=x,y")),
        new("bookshelf.get_file.path", RestGet, "/v1/files/", InputShape.Text, Text("a/b/c.txt", "%2F..%2Fetc")),
    ];

    public static IReadOnlyList<FuzzTarget> Writes { get; } =
    [
        .. AllGrpcWires("ingestion.write_records", "/inference.v1.IngestionService/WriteRecords", WriteSeeds.Batches, writes: true),
        new("ingestion.write_records.rest", RestPost, "/v1/projects/fuzz/records:write", InputShape.Json, WriteSeeds.BatchesJson, ErrorShape.GoogleRpcStatus, Writes: true),
        new("ingestion.stream_records", Wire.Grpc, "/inference.v1.IngestionService/StreamRecords", InputShape.Frames,
            [.. WriteSeeds.Batches.Select(b => GrpcFrames.Frame(new StreamRecordsRequest { Project = b.Project, Records = { b.Records } }))], Writes: true),
        new("api_keys.create", Wire.Grpc, "/inference.v1.ApiKeyService/CreateApiKey", InputShape.Frames, [.. WriteSeeds.NewKeys.Select(GrpcFrames.Frame)], Writes: true),
        new("api_keys.create.rest", RestPost, "/v1/projects/fuzz/apiKeys", InputShape.Json, Text("""{"role": "API_KEY_ROLE_READ", "name": "n"}"""), ErrorShape.GoogleRpcStatus, Writes: true),
        new("api_keys.revoke.rest", RestPost, "/v1/projects/fuzz/apiKeys/" + QuerySeeds.SomeId + ":revoke", InputShape.Json, Text("{}", """{"project": "fuzz"}"""), ErrorShape.GoogleRpcStatus, Writes: true),
    ];

    public static IEnumerable<FuzzTarget> All => Reads.Concat(Writes);

    /// <summary>The same protobuf seeds over gRPC, gRPC-Web and gRPC-Web text.</summary>
    private static IEnumerable<FuzzTarget> AllGrpcWires(string name, string path, IEnumerable<IMessage> seeds, bool writes = false)
    {
        byte[][] frames = [.. seeds.Select(GrpcFrames.Frame)];
        return new[] { Wire.Grpc, GrpcWeb, GrpcWebText }.Select(wire => new FuzzTarget($"{name}.{wire}", wire, path, InputShape.Frames, frames, Writes: writes));
    }

    private static byte[][] HeaderSeeds()
    {
        var list = GrpcFrames.Frame(new ListInferencesRequest { Limit = 2 });
        byte[] With(string headers, byte[] body) => [.. Encoding.ASCII.GetBytes(headers + "\n\n"), .. body];
        return
        [
            With("content-type: application/grpc\ngrpc-timeout: 5S", list),
            With("content-type: application/grpc+proto\ngrpc-timeout: 99999999H\ngrpc-accept-encoding: gzip", list),
            With("content-type: application/grpc\ngrpc-encoding: gzip", GrpcFrames.Gzipped(new ListInferencesRequest { Limit = 3 }.ToByteArray())),
            With("content-type: application/grpc\ngrpc-encoding: gzip", GrpcFrames.Gzipped(new byte[8 * 1024 * 1024])),
            With("content-type: application/grpc\ngrpc-encoding: br", GrpcFrames.Frame([1, 2, 3], flags: 1)),
            With("content-type: application/grpc+json\ngrpc-timeout: 1n", list),
        ];
    }

    private static byte[][] WebTextSeeds()
    {
        var frame = GrpcFrames.Frame(new ListInferencesRequest { Limit = 2 });
        return Text(Convert.ToBase64String(frame), Convert.ToBase64String(frame[..3]) + Convert.ToBase64String(frame[3..]));
    }

    private static byte[][] Text(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];

    private static async Task<IReadOnlyList<byte[]>> RestPageTokenAsync(FuzzClient client)
    {
        var reply = await client.SendAsync(RestPost, "/v1/inferences/list_inferences", Encoding.UTF8.GetBytes("""{"limit": 2, "page_token": ""}"""));
        using var body = JsonDocument.Parse(reply.Body);
        return Text(body.RootElement.GetProperty("next_page_token").GetString()!);
    }

    private static async Task<IReadOnlyList<byte[]>> GrpcPageTokenAsync(FuzzClient client)
    {
        var reply = await client.SendAsync(Wire.Grpc, QueryService + "ListInferences", GrpcFrames.Frame(new ListInferencesRequest { Limit = 2 }));
        return Text(ListInferencesResponse.Parser.ParseFrom(reply.Messages[0]).NextPageToken);
    }
}
