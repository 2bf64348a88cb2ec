using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.Storage.Tests.TestRecords;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>
/// Deterministic random inferences for the metrics differential test: every metrics field drawn
/// from small pools so groups repeat, with nulls, zeros, repeats and multi-team inferences, over
/// <see cref="Days"/> days from <see cref="TestRecords.Start"/>.
/// </summary>
internal static class MetricsDataGenerator
{
    public const int Days = 3;

    public static readonly string?[] Models = ["gpt-4o", "gpt-4o-mini", "claude-sonnet", null];
    public static readonly string?[] VirtualModels = [null, null, "prod-router"];
    public static readonly string?[] RequestTypes = ["chat", "chat", "completion", null];
    public static readonly string[] Teams = ["alpha", "beta", "gamma"];
    public static readonly (string Slug, SubjectType Type)[] Subjects =
        [("ann@x.io", SubjectType.User), ("bob@x.io", SubjectType.User), ("svc-batch", SubjectType.VirtualAccount), ("", SubjectType.Unspecified)];
    public static readonly string?[] Environments = ["prod", "dev", null];

    public static List<Inference> Generate(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Next(random, i)).ToList();
    }

    private static Inference Next(Random random, int index)
    {
        var at = Start.AddMilliseconds(random.NextInt64((long)TimeSpan.FromDays(Days).TotalMilliseconds));
        var inference = new Inference
        {
            Id = Uuid7.Format(InferenceGrpc.Testing.TestUuid7.At(at, index)),
            CreateTime = Timestamp.FromDateTimeOffset(at),
            FunctionName = "f",
            VariantName = "v",
            ModelName = Pick(random, Models) ?? string.Empty,
            VirtualModelName = Pick(random, VirtualModels) ?? string.Empty,
            RequestType = Pick(random, RequestTypes) ?? string.Empty,
            SessionId = "s" + random.Next(20),
        };
        var (slug, type) = Pick(random, Subjects);
        inference.SubjectSlug = slug;
        inference.SubjectType = type;
        inference.Teams.Add(Teams.Where(_ => random.NextDouble() < 0.4));
        if (Pick(random, Environments) is { } env)
        {
            inference.Tags["env"] = env;
        }

        SetNumbers(random, inference);
        return inference;
    }

    private static void SetNumbers(Random random, Inference inference)
    {
        if (random.NextDouble() < 0.9)
        {
            // Rounded, so repeats happen; sometimes exactly 0.
            inference.LatencyMs = random.NextDouble() < 0.05 ? 0 : Math.Round(Math.Exp(random.NextDouble() * 9), 1);
        }

        if (random.NextDouble() < 0.8)
        {
            inference.TtftMs = Math.Round(random.NextDouble() * 500, 2);
        }

        if (random.NextDouble() < 0.85)
        {
            inference.InputTokens = random.Next(0, 4000);
            inference.OutputTokens = random.Next(1, 800);
            inference.CostUsd = Math.Round(inference.InputTokens * 2.5e-6 + inference.OutputTokens * 1e-5, 9);
        }
    }

    private static T Pick<T>(Random random, T[] pool) => pool[random.Next(pool.Length)];
}
