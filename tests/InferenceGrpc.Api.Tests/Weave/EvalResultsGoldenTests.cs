using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// Every golden query over REST answers the reference reply byte for byte: grouping, order,
/// intersection, paging, raw rows and refs, children and costs, the summary with its scorer
/// statistics, nulls and Python's number formatting. Run once per store.
/// </summary>
public abstract class EvalResultsGoldenTests(ApiServer server)
{
    public static TheoryData<string> Queries => WeaveGolden.Queries();

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task QueryEvalResults_GoldenQuery_AnswersTheReferenceReplyExactly(string query)
    {
        var reply = await server.PostAsync(WeaveDataSet.Path(), query);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        Assert.Equal(WeaveGolden.Reply(query), reply.Body);
    }
}
