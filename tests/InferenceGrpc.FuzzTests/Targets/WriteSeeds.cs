using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.FuzzTests.Targets;

/// <summary>
/// Valid write batches for project "fuzz" to mutate: a metric, inferences with and without ids,
/// tags, JSON input and output, and feedback on them; plus API key requests.
/// </summary>
internal static class WriteSeeds
{
    public const string Project = "fuzz";

    private static readonly DateTimeOffset Start = new(2025, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<WriteRecordsRequest> Batches { get; } = [Batch(0), Batch(1), new() { Project = Project, Records = { new Record { Inference = new Inference { FunctionName = "f" } } } }];

    public static IReadOnlyList<byte[]> BatchesJson { get; } = [.. Batches.Select(b => System.Text.Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(b)))];

    public static IReadOnlyList<CreateApiKeyRequest> NewKeys { get; } =
    [
        new() { Project = Project, Role = ApiKeyRole.Read, Name = "dashboard" },
        new() { Project = Project, Role = ApiKeyRole.Admin, Name = "ops 🌸" },
    ];

    private static WriteRecordsRequest Batch(int n)
    {
        var id = Id(n, 0);
        var inference = new Inference
        {
            Id = id,
            FunctionName = "fuzz_function",
            FunctionType = FunctionType.Chat,
            VariantName = "v" + n,
            EpisodeId = Id(n, 9),
            Input = Value.ForStruct(new Struct { Fields = { ["messages"] = Value.ForList(Value.ForString("hello")) } }),
            Output = Value.ForList(Value.ForStruct(new Struct { Fields = { ["type"] = Value.ForString("text"), ["text"] = Value.ForString("hi") } })),
            Tags = { ["env"] = "fuzz", ["n"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            LatencyMs = 12.5,
        };
        return new WriteRecordsRequest
        {
            Project = Project,
            Records =
            {
                new Record { MetricDefinition = new MetricDefinition { Name = "fuzz_score", Type = MetricType.Float, Level = FeedbackLevel.Inference } },
                new Record { Inference = inference },
                new Record { Inference = new Inference { FunctionName = "fuzz_function", Tags = { ["minted"] = "yes" } } },
                new Record { Feedback = new Feedback { Id = Id(n, 1), TargetId = id, MetricName = "fuzz_score", FloatValue = 0.5 } },
            },
        };
    }

    private static string Id(int second, int sequence) => Uuid7.Format(TestUuid7.At(Start.AddSeconds(second), sequence));
}
