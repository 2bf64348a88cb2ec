using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;

namespace InferenceGrpc.Api.Tests.Queries;

/// <summary>Every query limit answers 400 with a message that says which limit, instead of running the query.</summary>
[Collection(SharedServer.Name)]
public sealed class QueryLimitTests(ApiServer server)
{
    [Fact]
    public async Task List_FilterNestedTooDeep_Is400()
    {
        var filter = """{"type":"demonstration_feedback","has_demonstration":true}""";
        for (var depth = 0; depth < 20; depth++)
        {
            filter = $$"""{"type":"not","child":{{filter}}}""";
        }

        var reply = await server.ListAsync($$"""{"filters":{{filter}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("nested deeper than 16 levels", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilterWithTooManyNodes_Is400()
    {
        var leaf = """{"type":"tag","key":"env","value":"prod","comparison_operator":"="}""";
        var children = string.Join(",", Enumerable.Repeat(leaf, 300));
        var reply = await server.ListAsync("{\"filters\":{\"type\":\"or\",\"children\":[" + children + "]}}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("more than 256 nodes", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_LimitOverMaximum_Is400()
    {
        var reply = await server.ListAsync("""{"limit":1001}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("limit: must be between 0 and 1000", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SearchTooLong_Is400()
    {
        var reply = await server.ListAsync($$"""{"search_query_experimental":"{{new string('a', 1001)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("at most 1000 characters", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ForgedPageToken_Is400()
    {
        var reply = await server.ListAsync("""{"page_token":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiM"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("page_token: not a token this service issued", reply.Body, StringComparison.Ordinal);
    }
}
