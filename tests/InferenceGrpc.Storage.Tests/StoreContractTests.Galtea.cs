using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;
using static InferenceGrpc.Storage.Tests.TestRecords;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests;

/// <summary>
/// The store features behind Galtea's GET /inferenceResults (api-compat-spec 2.2, 6.5): id,
/// session and evaluation lists, inclusive millisecond time bounds, exact creation-time order
/// with the turn index, soft deletes, offset and limit. Part of the contract run on every store.
/// </summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Query_CreatedTimeOrder_ExactMillisecondsNotIdsNorWholeSeconds()
    {
        // Three turns in one second whose ids run the other way round from their creation times.
        await WriteAsync(Turn(1, createdMs: 300, session: "s"), Turn(2, createdMs: 100, session: "s"), Turn(3, createdMs: 200, session: "s"));

        var ascending = await QueryAsync(new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.CreatedTime, false)] });
        var descending = await QueryAsync(new InferenceQuery { OrderBy = [new InferenceOrder(OrderKey.CreatedTime, true)] });

        Assert.Equal([IdAt(2), IdAt(3), IdAt(1)], Ids(ascending));
        Assert.Equal([IdAt(1), IdAt(3), IdAt(2)], Ids(descending));
    }

    [Fact]
    public async Task Query_CreatedTimeThenTurnIndex_IndexBreaksTimeTiesMissingLastThenPages()
    {
        await WriteAsync(Turn(1, createdMs: 0, session: "s", index: 2), Turn(2, createdMs: 0, session: "s"), Turn(3, createdMs: 0, session: "s", index: 0), Turn(4, createdMs: -500, session: "s", index: 9));
        var order = new[] { new InferenceOrder(OrderKey.CreatedTime, false), new InferenceOrder(OrderKey.TurnIndex, false) };

        var all = await QueryAsync(new InferenceQuery { OrderBy = order });
        var page = await QueryAsync(new InferenceQuery { OrderBy = order, Offset = 1, Limit = 2 });

        Assert.Equal([IdAt(4), IdAt(3), IdAt(1), IdAt(2)], Ids(all));
        Assert.Equal([IdAt(3), IdAt(1)], Ids(page));
    }

    [Fact]
    public async Task Query_CreatedRange_BothBoundsInclusiveToTheMillisecond()
    {
        await WriteAsync(Turn(1, createdMs: 499, session: "s"), Turn(2, createdMs: 500, session: "s"), Turn(3, createdMs: 700, session: "s"), Turn(4, createdMs: 701, session: "s"));

        var range = await QueryAsync(new InferenceQuery { CreatedFrom = Start.AddMilliseconds(500), CreatedTo = Start.AddMilliseconds(700), OrderBy = [new InferenceOrder(OrderKey.CreatedTime, false)] });

        Assert.Equal([IdAt(2), IdAt(3)], Ids(range));
    }

    [Fact]
    public async Task Query_IdSessionAndEvaluationLists_CombineAsAndAndSkipDeleted()
    {
        var deleted = Inference(4);
        deleted.ExternalId = "ir_4";
        deleted.SessionId = "s-b";
        deleted.DeleteTime = Timestamp.FromDateTimeOffset(Start.AddDays(1));
        await WriteAsync(
            Turn(1, createdMs: 0, session: "s-a", externalId: "ir_1"),
            Turn(2, createdMs: 0, session: "s-a", externalId: "ir_2"),
            Turn(3, createdMs: 3000, session: "s-b", externalId: "ir_3"),
            deleted.AsRecord(),
            new Record { InferenceEvaluation = new InferenceEvaluation { Id = "ev-turn", InferenceId = Uuid7.Format(IdAt(1)), MetricId = "m" } },
            new Record { InferenceEvaluation = new InferenceEvaluation { Id = "ev-session", SessionId = "s-b", MetricId = "m" } });

        Assert.Equal([IdAt(3), IdAt(1)], Ids(await QueryAsync(new InferenceQuery { EvaluationIds = ["ev-turn", "ev-session", "ev-unknown"] })));
        Assert.Equal([IdAt(3)], Ids(await QueryAsync(new InferenceQuery { EvaluationIds = ["ev-turn", "ev-session"], SessionIds = ["s-b"] })));
        Assert.Equal([IdAt(2)], Ids(await QueryAsync(new InferenceQuery { ExternalIds = ["ir_2", "ir_3", "ir_4"], SessionIds = ["s-a", "s-b"], CreatedTo = Start.AddSeconds(2) })));
        Assert.Empty(await QueryAsync(new InferenceQuery { ExternalIds = ["ir_4"] }));
        Assert.Empty(await QueryAsync(new InferenceQuery { EvaluationIds = ["ev-unknown"] }));
    }

    /// <summary>An inference whose id is at <paramref name="second"/> and whose creation time is <paramref name="createdMs"/> after <see cref="TestRecords.Start"/>.</summary>
    private static Record Turn(int second, int createdMs, string session, int? index = null, string externalId = "")
    {
        var inference = Inference(second);
        inference.CreateTime = Timestamp.FromDateTimeOffset(Start.AddMilliseconds(createdMs));
        inference.SessionId = session;
        inference.ExternalId = externalId;
        if (index is { } turn)
        {
            inference.TurnIndex = turn;
        }

        return inference.AsRecord();
    }
}
