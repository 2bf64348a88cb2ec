using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.TrueFoundry;

/// <summary>
/// The metrics data behind the golden tests. Hour A (2026-04-29 12:00 UTC) holds 1,240 gpt-4o
/// calls made to reproduce api-compat-spec 4.4's example exactly: 125,000 input and 45,000
/// output tokens, $8.42 in all, and a p99 latency of 2,450.5 ms (ranks 1226 and 1227 of 1,240
/// are both 2,450.5). Hour B (2026-04-30 10:00 UTC) holds three calls for filters and groups.
/// </summary>
internal static class MetricsDataSet
{
    public static readonly DateTimeOffset HourA = new(2026, 4, 29, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset HourB = new(2026, 4, 30, 10, 0, 0, TimeSpan.Zero);

    public static IEnumerable<Record> Records() => HourACalls().Concat(HourBCalls()).Select(i => new Record { Inference = i });

    private static IEnumerable<Inference> HourACalls()
    {
        for (var i = 0; i < 1240; i++)
        {
            var call = Call(HourA.AddSeconds(i * 2), i, "gpt-4o");
            call.LatencyMs = i < 1226 ? 1000 : i < 1228 ? 2450.5 : 3000;
            call.InputTokens = i < 1200 ? 100 : 125;
            call.OutputTokens = i < 1200 ? 36 : 45;
            call.CostUsd = i == 0 ? 8.42 : 0;
            call.Teams.Add(i % 2 == 0 ? "ml" : "platform");
            yield return call;
        }
    }

    private static IEnumerable<Inference> HourBCalls()
    {
        var gpt4 = Call(HourB.AddMinutes(1), 2000, "gpt-4");
        gpt4.LatencyMs = 100;
        gpt4.CostUsd = 0.25;
        gpt4.Teams.Add(["ml", "platform"]);
        gpt4.Tags["environment"] = "production";
        gpt4.SubjectSlug = "ann@example.com";
        gpt4.SubjectType = SubjectType.User;
        gpt4.SessionId = "conv-1";

        var turbo = Call(HourB.AddMinutes(2), 2001, "gpt-3.5-turbo");
        turbo.LatencyMs = 200;
        turbo.CostUsd = 0.5;
        turbo.Teams.Add("ml");
        turbo.Tags["environment"] = "staging";
        turbo.VirtualModelName = "prod-router";
        turbo.SubjectSlug = "svc-batch";
        turbo.SubjectType = SubjectType.VirtualAccount;

        var claude = Call(HourB.AddMinutes(3), 2002, "claude-sonnet-4");
        claude.LatencyMs = 300;
        return [gpt4, turbo, claude];
    }

    private static Inference Call(DateTimeOffset at, int sequence, string model) => new()
    {
        Id = Uuid7.Format(TestUuid7.At(at, sequence)),
        CreateTime = Timestamp.FromDateTimeOffset(at),
        FunctionName = "gateway",
        VariantName = "default",
        ModelName = model,
        RequestType = "chat",
    };
}
