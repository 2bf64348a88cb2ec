using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage.Tests.Golden;

/// <summary>The values golden tests share: a tenant, two metrics, fixed ids and instants.</summary>
internal static class GoldenQueries
{
    public const string Tenant = "t1";

    public static readonly MetricRef Score = new("score", FeedbackLevel.Inference);

    public static readonly MetricRef Solved = new("solved", FeedbackLevel.Episode);

    /// <summary>2026-03-01T12:00:00Z: 1772366400 in Unix seconds.</summary>
    public static readonly DateTimeOffset Noon = TestRecords.Start;

    public static Guid Id(int second) => TestRecords.IdAt(second);

    public static byte[] Bytes(int second) => Uuid7.ToBigEndianBytes(TestRecords.IdAt(second));

    public static string Text(int second) => Uuid7.Format(TestRecords.IdAt(second));
}
