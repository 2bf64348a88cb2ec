using Google.Protobuf;
using InferenceGrpc.Api.TrueFoundry;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Tests.TrueFoundry;

/// <summary>
/// The same metrics queries over gRPC, gRPC-Web and REST give the same data points: the JSON
/// shape only translates. Bad input is INVALID_ARGUMENT over gRPC.
/// </summary>
public sealed class MetricsGrpcParityTests(MetricsServer server) : IClassFixture<MetricsServer>
{
    private const string Service = "inference.v1.GatewayMetricsService";
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    private const string CostByModel =
        """{"startTs":"2026-04-29T12:00:00.000Z","endTs":"2026-04-29T13:00:00.000Z","datasource":"modelMetrics","type":"distribution","groupBy":["modelName"],"aggregations":[{"type":"count","column":"modelName"},{"type":"sum","column":"inputTokens"},{"type":"sum","column":"outputTokens"},{"type":"p99","column":"latencyMs"},{"type":"sum","column":"costInUSD"}]}""";

    public static TheoryData<string> Queries => new()
    {
        CostByModel,
        """{"startTs":"2026-04-29T12:00:00Z","endTs":"2026-04-30T12:00:00Z","datasource":"modelMetrics","type":"timeseries","interval":"15 minute","groupBy":["team","modelName"],"aggregations":[{"type":"p90","column":"latencyMs"},{"type":"avg","column":"timeToFirstTokenMs"}]}""",
        """{"startTs":"2026-04-30T10:00:00Z","endTs":"2026-04-30T11:00:00Z","datasource":"modelMetrics","type":"distribution","groupBy":["userEmail"],"filters":[{"metadataKey":"environment","operator":"IS_NULL","value":false}]}""",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task QueryMetrics_SameQueryOverGrpcAndGrpcWeb_SameDataPoints(string query)
    {
        var rest = await server.QueryAsync(query);
        var request = Parser.Parse<QueryMetricsRequest>(query);

        var grpc = await server.Grpc.CallAsync<QueryMetricsResponse>(Service, "QueryMetrics", request);
        var web = await server.GrpcWeb.CallAsync<QueryMetricsResponse>(Service, "QueryMetrics", request);

        Assert.Contains("\"total\"", rest.Body);
        Assert.Equal(rest.Body, Json(grpc.Single().DataPoints));
        Assert.Equal(rest.Body, Json(web.Single().DataPoints));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task StreamMetrics_PagesOfOne_ConcatenateToTheUnaryAnswer(string query)
    {
        var request = Parser.Parse<QueryMetricsRequest>(query);
        var unary = (await server.Grpc.CallAsync<QueryMetricsResponse>(Service, "QueryMetrics", request)).Single();

        var pages = await server.GrpcWeb.CallAsync<StreamMetricsResponse>(Service, "StreamMetrics", new StreamMetricsRequest { Query = request, PageSize = 1 });

        Assert.Equal(unary.DataPoints.Count, pages.Count);
        Assert.All(pages, p => Assert.Single(p.DataPoints));
        Assert.Equal(unary.DataPoints, pages.SelectMany(p => p.DataPoints));
    }

    [Fact]
    public async Task StreamMetrics_OverRest_OnePagePerLine()
    {
        var unary = await server.QueryAsync(CostByModel);

        var stream = await server.PostAsync("/api/svc/v1/llm-gateway/metrics/query:stream", $$"""{"query":{{CostByModel}},"pageSize":5}""");

        Assert.Equal("application/x-ndjson", stream.ContentType);
        Assert.Equal(unary.Body + "\n", stream.Body);
    }

    [Fact]
    public async Task QueryMetrics_BadInputOverGrpc_IsInvalidArgument()
    {
        var request = new QueryMetricsRequest { StartTs = "2026-04-30T10:00:00Z", EndTs = "2026-04-30T11:00:00Z", Datasource = "modelMetrics", Type = "timeseries" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Grpc.CallAsync<QueryMetricsResponse>(Service, "QueryMetrics", request));

        Assert.Contains("grpc-status 3", error.Message, StringComparison.Ordinal);
    }

    private static string Json(IEnumerable<MetricsDataPoint> points) => System.Text.Encoding.UTF8.GetString(DataPointsJson.Write(points).Span);
}
