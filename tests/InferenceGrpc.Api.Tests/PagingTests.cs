using InferenceGrpc.Api.Tests.Infrastructure;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests;

/// <summary>limit, offset and the before/after cursors of list_inferences (api-compat-spec 1.5.4).</summary>
[Collection(SharedServer.Name)]
public sealed class PagingTests(ApiServer server)
{
    [Fact]
    public async Task ListInferences_NoLimit_Returns20()
    {
        var reply = await server.ListAsync("""{"function_name":"bulk"}""");

        Assert.Equal(Golden.Page(NewestFirst.Take(20)), reply.Body);
    }

    [Fact]
    public async Task ListInferences_LimitZero_ReturnsEmptyPage()
    {
        var reply = await server.ListAsync("""{"limit":0}""");

        Assert.Equal("""{"inferences":[]}""", reply.Body);
    }

    [Fact]
    public async Task ListInferences_LimitNull_MeansTheDefault()
    {
        var reply = await server.ListAsync("""{"limit":null,"offset":null,"before":null,"after":null}""");

        Assert.Equal(Golden.Page(NewestFirst.Take(20)), reply.Body);
    }

    [Fact]
    public async Task ListInferences_Offset_SkipsRows()
    {
        var reply = await server.ListAsync("""{"offset":20,"limit":20}""");

        Assert.Equal(Golden.Page(NewestFirst.Skip(20)), reply.Body);
    }

    [Fact]
    public async Task ListInferences_Before_ReturnsTheNextOlderPage()
    {
        var reply = await server.ListAsync($$"""{"before":"{{Bulk(10)}}","limit":3}""");

        Assert.Equal(Golden.Page([Bulk(9), Bulk(8), Bulk(7)]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_After_ReturnsThePageJustNewerStillNewestFirst()
    {
        var reply = await server.ListAsync($$"""{"after":"{{Bulk(10)}}","limit":3}""");

        Assert.Equal(Golden.Page([Bulk(13), Bulk(12), Bulk(11)]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_AfterWithTimestampAscending_ReturnsTheNewestRowsAfterTheCursor()
    {
        // TensorZero's quirk: every direction is inverted for `after`, then the page reversed.
        var reply = await server.ListAsync($$"""{"function_name":"write_haiku","after":"{{Ex}}","limit":2,"order_by":[{"by":"timestamp","direction":"ascending"}]}""");

        Assert.Equal(Golden.Page([H2, H3]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_BeforeWithTimestampOrder_IsAllowed()
    {
        var reply = await server.ListAsync($$"""{"function_name":"write_haiku","before":"{{H3}}","order_by":[{"by":"timestamp","direction":"descending"}]}""");

        Assert.Equal(Golden.Page([H2, H1, Ex]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_WalkingBackWithBefore_VisitsEveryInferenceOnce()
    {
        var seen = new List<string>();
        string? cursor = null;
        while (true)
        {
            var body = cursor is null ? """{"limit":7}""" : $$"""{"limit":7,"before":"{{cursor}}"}""";
            var ids = ListInferencesTests.Ids(await server.ListAsync(body));
            if (ids.Count == 0)
            {
                break;
            }

            seen.AddRange(ids);
            cursor = ids[^1];
        }

        Assert.Equal(NewestFirst, seen);
    }
}
