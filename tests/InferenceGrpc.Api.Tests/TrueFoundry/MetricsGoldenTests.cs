using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;

namespace InferenceGrpc.Api.Tests.TrueFoundry;

/// <summary>
/// TrueFoundry's metrics query over REST, exact bodies, on every store: the spec's examples
/// (api-compat-spec 4.3, 4.4) over <see cref="MetricsDataSet"/>.
/// </summary>
public abstract class MetricsGoldenTests
{
    private const string HourA = "\"startTs\":\"2026-04-29T12:00:00.000Z\",\"endTs\":\"2026-04-29T13:00:00.000Z\",\"datasource\":\"modelMetrics\"";
    private const string HourB = "\"startTs\":\"2026-04-30T10:00:00Z\",\"endTs\":\"2026-04-30T11:00:00Z\",\"datasource\":\"modelMetrics\"";

    protected abstract MetricsServer Server { get; }

    public static TheoryData<string, string, string> Examples => new()
    {
        {
            "spec 4.4 example: cost, tokens and p99 latency by model",
            $$"""{{{HourA}},"type":"distribution","groupBy":["modelName"],"aggregations":[{"type":"count","column":"modelName"},{"type":"sum","column":"inputTokens"},{"type":"sum","column":"outputTokens"},{"type":"p99","column":"latencyMs"},{"type":"sum","column":"costInUSD"}]}""",
            """{"data":{"dataPoints":[{"modelName":"gpt-4o","total":1240,"countModelName":1240,"sumInputTokens":125000,"sumOutputTokens":45000,"p99LatencyMs":2450.5,"sumCostInUSD":8.42}]}}"""
        },
        {
            "timeseries: hourly buckets, empty ones omitted",
            """{"startTs":"2026-04-29T12:00:00.000Z","endTs":"2026-04-29T15:00:00.000Z","datasource":"modelMetrics","type":"timeseries","interval":"1 hour","aggregations":[{"type":"sum","column":"costInUSD"}]}""",
            """{"data":{"dataPoints":[{"startTimestamp":"2026-04-29T12:00:00.000Z","endTimestamp":"2026-04-29T13:00:00.000Z","total":1240,"sumCostInUSD":8.42}]}}"""
        },
        {
            "timeseries by team: buckets, then group values",
            $$"""{{{HourA}},"type":"timeseries","interval":"30 minute","groupBy":["team"],"aggregations":[{"type":"max","column":"latencyMs"}]}""",
            """{"data":{"dataPoints":[{"startTimestamp":"2026-04-29T12:00:00.000Z","endTimestamp":"2026-04-29T12:30:00.000Z","team":"ml","total":450,"maxLatencyMs":1000},{"startTimestamp":"2026-04-29T12:00:00.000Z","endTimestamp":"2026-04-29T12:30:00.000Z","team":"platform","total":450,"maxLatencyMs":1000},{"startTimestamp":"2026-04-29T12:30:00.000Z","endTimestamp":"2026-04-29T13:00:00.000Z","team":"ml","total":170,"maxLatencyMs":3000},{"startTimestamp":"2026-04-29T12:30:00.000Z","endTimestamp":"2026-04-29T13:00:00.000Z","team":"platform","total":170,"maxLatencyMs":3000}]}}"""
        },
        {
            "the deprecated intervalInSeconds",
            $$"""{{{HourA}},"type":"timeseries","intervalInSeconds":3600}""",
            """{"data":{"dataPoints":[{"startTimestamp":"2026-04-29T12:00:00.000Z","endTimestamp":"2026-04-29T13:00:00.000Z","total":1240}]}}"""
        },
        {
            "spec 4.3 filter example: modelName IN",
            $$"""{{{HourB}},"type":"distribution","filters":[{"fieldName":"modelName","operator":"IN","value":["gpt-4","gpt-3.5-turbo"]}]}""",
            """{"data":{"dataPoints":[{"total":2}]}}"""
        },
        {
            "spec 4.3 filter example: metadataKey IN",
            $$"""{{{HourB}},"type":"distribution","filters":[{"metadataKey":"environment","operator":"IN","value":["production"]}]}""",
            """{"data":{"dataPoints":[{"total":1}]}}"""
        },
        {
            "spec 4.3 filter example: virtualModelName IS_NULL true keeps real models",
            $$"""{{{HourB}},"type":"distribution","groupBy":["modelName"],"filters":[{"fieldName":"virtualModelName","operator":"IS_NULL","value":true}]}""",
            """{"data":{"dataPoints":[{"modelName":"claude-sonnet-4","total":1},{"modelName":"gpt-4","total":1}]}}"""
        },
        {
            "IS_NULL false keeps virtual models; virtualModel groups as virtualModelName",
            $$"""{{{HourB}},"type":"distribution","groupBy":["virtualModel"],"aggregations":[{"type":"countDistinct","column":"virtualModel"}],"filters":[{"fieldName":"virtualModelName","operator":"IS_NULL","value":false}]}""",
            """{"data":{"dataPoints":[{"virtualModelName":"prod-router","total":1,"countDistinctVirtualModel":1}]}}"""
        },
        {
            "team unnested: a two-team call counts in both, no team is null",
            $$"""{{{HourB}},"type":"distribution","groupBy":["team"],"aggregations":[{"type":"sum","column":"costInUSD"}]}""",
            """{"data":{"dataPoints":[{"team":null,"total":1,"sumCostInUSD":0},{"team":"ml","total":2,"sumCostInUSD":0.75},{"team":"platform","total":1,"sumCostInUSD":0.25}]}}"""
        },
        {
            "userEmail groups as createdBySubjectSlug, told apart by createdBySubjectType",
            $$"""{{{HourB}},"type":"distribution","groupBy":["userEmail","createdBySubjectType"]}""",
            """{"data":{"dataPoints":[{"createdBySubjectSlug":null,"createdBySubjectType":null,"total":1},{"createdBySubjectSlug":"ann@example.com","createdBySubjectType":"user","total":1},{"createdBySubjectSlug":"svc-batch","createdBySubjectType":"virtualaccount","total":1}]}}"""
        },
        {
            "avg, min, max, p50, countDistinct; null where nothing to aggregate",
            $$"""{{{HourB}},"type":"distribution","aggregations":[{"type":"avg","column":"latencyMs"},{"type":"min","column":"latencyMs"},{"type":"max","column":"latencyMs"},{"type":"p50","column":"latencyMs"},{"type":"countDistinct","column":"modelName"},{"type":"avg","column":"timeToFirstTokenMs"},{"type":"count","column":"inputTokens"}]}""",
            """{"data":{"dataPoints":[{"total":3,"avgLatencyMs":200,"minLatencyMs":100,"maxLatencyMs":300,"p50LatencyMs":200,"countDistinctModelName":3,"avgTimeToFirstTokenMs":null,"countInputTokens":0}]}}"""
        },
        {
            "AND-combined filters of each type",
            $$"""{{{HourB}},"type":"distribution","filters":[{"fieldName":"latencyMs","operator":"BETWEEN","value":[100,200]},{"fieldName":"team","operator":"ARRAY_HAS_NONE","value":["platform"]},{"fieldName":"requestType","operator":"EQUAL","value":"chat"}]}""",
            """{"data":{"dataPoints":[{"total":1}]}}"""
        },
        {
            "userEmail and conversationID filters",
            $$"""{{{HourB}},"type":"distribution","filters":[{"fieldName":"userEmail","operator":"STRING_ENDS_WITH","value":"@example.com"},{"fieldName":"conversationID","operator":"EQUAL","value":"conv-1"}]}""",
            """{"data":{"dataPoints":[{"total":1}]}}"""
        },
        {
            "start inclusive, end exclusive, nothing in the window",
            """{"startTs":"2026-04-29T13:00:00Z","endTs":"2026-04-30T10:01:00Z","datasource":"modelMetrics","type":"distribution"}""",
            """{"data":{"dataPoints":[]}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task QueryMetrics_Example_AnswersExactly(string name, string request, string expected)
    {
        var reply = await Server.QueryAsync(request);

        Assert.True(reply.Status == HttpStatusCode.OK, $"{name}: {(int)reply.Status} {reply.Body}");
        Assert.Equal(expected, reply.Body);
        Assert.StartsWith("application/json", reply.ContentType);
    }
}

/// <summary>The golden examples on the embedded SQLite store.</summary>
public sealed class SqliteMetricsGoldenTests(MetricsServer server) : MetricsGoldenTests, IClassFixture<MetricsServer>
{
    protected override MetricsServer Server => server;
}

/// <summary>The golden examples on Cosmos DB (the test server).</summary>
public sealed class CosmosMetricsGoldenTests(CosmosMetricsServer server) : MetricsGoldenTests, IClassFixture<CosmosMetricsServer>
{
    protected override MetricsServer Server => server;
}
