using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Testing;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>
/// The inference results every Galtea test queries, from 2025-06-01T10:00:00Z: sessions s1
/// (R1, R2), s2 (R3, R4: the same createdAt, so the index orders them although R4's id is the
/// smaller), s3 (R5, soft-deleted), and R6 with no Galtea id or session (a TensorZero record, its
/// id our UUIDv7). Evaluation ev_1 scored R2; ev_2 scored the whole of session s2.
/// </summary>
internal static class GalteaDataSet
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>R6's id, the UUIDv7 of T0 + 4 s: the only result shown by our own id.</summary>
    public const string R6Id = "01972aef-20a0-7000-8000-000000000000";

    public static IEnumerable<Record> Records()
    {
        var r1 = Result(IdAt(0, 0), "ir_001", "s1", 0, 0);
        r1.UserId = "u1";
        r1.Status = InferenceStatus.Success;
        r1.Input = Value.ForString("Hello");
        r1.Output = Value.ForString("Hi there");
        r1.RetrievalContext = "Paris is in France.";
        r1.LatencyMs = 150;
        r1.InputTokens = 10;
        r1.OutputTokens = 20;
        r1.CacheReadInputTokens = 0;
        r1.TotalTokens = 30;
        r1.CostPerInputToken = 0.0000025;
        r1.CostPerOutputToken = 0.00001;
        r1.CostPerCacheReadInputToken = 0.00000125;
        r1.CostUsd = 0.000225;
        r1.CreditsUsed = 1;
        r1.ConversationSimulatorVersion = "1.2.0";
        r1.TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        yield return new Record { Inference = r1 };

        var r2 = Result(IdAt(1, 0), "ir_002", "s1", 1, 1000);
        r2.Status = InferenceStatus.Pending;
        r2.Input = Json("""{"user_message":"Tell me more","lang":"en"}""");
        r2.LatencyMs = 150.5;
        yield return new Record { Inference = r2 };

        var r3 = Result(IdAt(2, 1), "ir_003", "s2", 0, 2000);
        r3.Status = InferenceStatus.Failed;
        r3.Input = Value.ForString("Why?");
        r3.Output = Json("""[{"type":"text","text":"A"},{"type":"text","text":"B"}]""");
        r3.CostUsd = 0.0000001;
        yield return new Record { Inference = r3 };

        var r4 = Result(IdAt(2, 0), "ir_004", "s2", 1, 2000);
        r4.Input = Value.ForString("Why not?");
        r4.Output = Json("""{"raw":"{\"a\":1}","parsed":{"a":1}}""");
        yield return new Record { Inference = r4 };

        var r5 = Result(IdAt(3, 0), "ir_005", "s3", 0, 3000);
        r5.DeleteTime = Timestamp.FromDateTimeOffset(T0.AddDays(1));
        yield return new Record { Inference = r5 };

        var r6 = Result(R6Id, string.Empty, string.Empty, null, 4250);
        r6.FunctionName = "write_haiku";
        r6.Input = Json("""{"messages":[{"role":"user","content":"Hi"}],"temperature":0.5,"n":3}""");
        yield return new Record { Inference = r6 };

        yield return new Record { InferenceEvaluation = new InferenceEvaluation { Id = "ev_1", InferenceId = IdAt(1, 0), MetricId = "m" } };
        yield return new Record { InferenceEvaluation = new InferenceEvaluation { Id = "ev_2", SessionId = "s2", MetricId = "m" } };
    }

    private static string IdAt(int second, int sequence) => Uuid7.Format(TestUuid7.At(T0.AddSeconds(second), sequence));

    private static Inference Result(string id, string externalId, string session, int? index, int createdMs)
    {
        var inference = new Inference
        {
            Id = id,
            ExternalId = externalId,
            SessionId = session,
            CreateTime = Timestamp.FromDateTimeOffset(T0.AddMilliseconds(createdMs)),
        };
        if (index is { } turn)
        {
            inference.TurnIndex = turn;
        }

        return inference;
    }
}
