using Google.Protobuf;
using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests;

/// <summary>
/// The same queries over gRPC (HTTP/2, protobuf) and over TensorZero's REST JSON find the same
/// inferences in the same order: the shape only translates, it never decides.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class GrpcParityTests(ApiServer server)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static TheoryData<string, string> ListQueries => new()
    {
        { "{}", "{}" },
        { """{"function_name":"write_haiku"}""", """{"selection":{"function_name":"write_haiku"}}""" },
        { """{"limit":5,"offset":3}""", """{"limit":5,"offset":3}""" },
        { $$"""{"before":"{{Bulk(10)}}","limit":4}""", $$"""{"before":"{{Bulk(10)}}","limit":4}""" },
        { $$"""{"after":"{{Bulk(10)}}","limit":4}""", $$"""{"after":"{{Bulk(10)}}","limit":4}""" },
        {
            """{"filters":{"type":"tag","key":"env","value":"prod","comparison_operator":"!="}}""",
            """{"selection":{"filters":{"tag":{"key":"env","value":"prod","comparison_operator":"COMPARISON_OPERATOR_NOT_EQUAL"}}}}"""
        },
        {
            """{"filters":{"type":"not","child":{"type":"float_metric","metric_name":"quality","value":0.5,"comparison_operator":">"}}}""",
            """{"selection":{"filters":{"not":{"child":{"float_metric":{"metric_name":"quality","value":0.5,"comparison_operator":"COMPARISON_OPERATOR_GREATER_THAN"}}}}}}"""
        },
        { """{"output_source":"demonstration"}""", """{"selection":{"output_source":"OUTPUT_SOURCE_DEMONSTRATION"}}""" },
        {
            """{"function_name":"write_haiku","order_by":[{"by":"metric","name":"quality","direction":"ascending"}]}""",
            """{"selection":{"function_name":"write_haiku","order_by":[{"by":"KEY_METRIC","name":"quality","direction":"DIRECTION_ASCENDING"}]}}"""
        },
        { """{"search_query_experimental":"bulk answer 2"}""", """{"selection":{"search_query_experimental":"bulk answer 2"}}""" },
    };

    [Theory]
    [MemberData(nameof(ListQueries))]
    public async Task ListInferences_SameQueryOverGrpc_ReturnsTheSameIds(string rest, string grpc)
    {
        var restIds = ListInferencesTests.Ids(await server.ListAsync(rest));
        var request = Parser.Parse<ListInferencesRequest>(grpc);
        var replies = await server.Grpc.CallAsync<ListInferencesResponse>("ListInferences", request);

        Assert.NotEmpty(restIds);
        Assert.Equal(restIds, replies.Single().Inferences.Select(i => i.Inference.Id));
    }

    [Theory]
    [MemberData(nameof(ListQueries))]
    public async Task ListInferences_SameQueryOverGrpcWeb_ReturnsTheSameIds(string rest, string grpc)
    {
        var restIds = ListInferencesTests.Ids(await server.ListAsync(rest));
        var request = Parser.Parse<ListInferencesRequest>(grpc);
        var replies = await server.GrpcWeb.CallAsync<ListInferencesResponse>("ListInferences", request);

        Assert.Equal(restIds, replies.Single().Inferences.Select(i => i.Inference.Id));
    }

    [Fact]
    public async Task StreamInferences_OverGrpcWeb_DeliversEveryPageOfTheList()
    {
        var all = await server.Grpc.CallAsync<ListInferencesResponse>("ListInferences", new ListInferencesRequest { Limit = 1000 });
        var pages = await server.GrpcWeb.CallAsync<StreamInferencesResponse>("StreamInferences", new StreamInferencesRequest { PageSize = 7 });

        Assert.True(pages.Count > 1);
        Assert.Equal(all.Single().Inferences.Select(i => i.Inference.Id), pages.SelectMany(p => p.Inferences).Select(i => i.Inference.Id));
        Assert.Equal(string.Empty, pages[^1].NextPageToken);
    }

    [Fact]
    public async Task GetInferences_SameIdsOverGrpc_ReturnsTheSameIds()
    {
        string[] ids = [Ex, J1, H1, Id(9999), H1];
        var rest = ListInferencesTests.Ids(await server.GetAsync("{\"ids\":[" + string.Join(",", ids.Select(i => $"\"{i}\"")) + "]}"));
        var request = new GetInferencesRequest { Ids = { ids } };
        var replies = await server.Grpc.CallAsync<GetInferencesResponse>("GetInferences", request);

        Assert.Equal([J1, H1, Ex], rest);
        Assert.Equal(rest, replies.Single().Inferences.Select(i => i.Inference.Id));
    }

    [Fact]
    public async Task StreamInferences_SameSelectionOverGrpc_StreamsTheSamePages()
    {
        var rest = await server.PostAsync("/v1/inferences/stream_inferences", """{"function_name":"bulk","page_size":8}""");
        var restPages = rest.Body.TrimEnd('\n').Split('\n').Select(line => ListInferencesTests.Ids(new RestReply(rest.Status, line, null))).ToList();
        var request = new StreamInferencesRequest { Selection = new InferenceSelection { FunctionName = "bulk" }, PageSize = 8 };
        var replies = await server.Grpc.CallAsync<StreamInferencesResponse>("StreamInferences", request);

        Assert.Equal(3, replies.Count);
        Assert.Equal(restPages, replies.Select(r => r.Inferences.Select(i => i.Inference.Id).ToList()));
    }
}
