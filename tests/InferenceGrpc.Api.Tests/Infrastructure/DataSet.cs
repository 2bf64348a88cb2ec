using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.Infrastructure;

/// <summary>
/// The small known data set every test queries, one second apart from 2025-06-01T12:34:56Z:
/// EX (the spec's 1.7 example), H1..H3 (chat, write_haiku), J1, J2 (json, extract_entities)
/// and 22 "bulk" inferences, so that there are more than the default page of 20. Metrics:
/// quality (float), thumbs_up (boolean), episode_score (float, per episode); H1 also has two
/// demonstrations and a comment.
/// </summary>
internal static class DataSet
{
    public const int BulkCount = 22;

    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 34, 56, TimeSpan.Zero);

    public static readonly string Ex = Id(0);
    public static readonly string H1 = Id(1);
    public static readonly string H2 = Id(2);
    public static readonly string H3 = Id(3);
    public static readonly string J1 = Id(4);
    public static readonly string J2 = Id(5);

    /// <summary>Episodes: E1 holds EX, H1, H2; E2 the json ones; E3 the bulk ones. H3 has none.</summary>
    public static readonly string E1 = Id(500);
    public static readonly string E2 = Id(501);
    public static readonly string E3 = Id(502);

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    /// <summary>Every inference id, newest first, as TensorZero lists them by default.</summary>
    public static IReadOnlyList<string> NewestFirst { get; } =
        [.. Enumerable.Range(0, BulkCount).Reverse().Select(Bulk), J2, J1, H3, H2, H1, Ex];

    public static string Bulk(int index) => Id(10 + index);

    /// <summary>A UUIDv7 for the n-th second after <see cref="Start"/>; ids sort by time.</summary>
    public static string Id(int second, int sequence = 0) => Uuid7.Format(TestUuid7.At(Start.AddSeconds(second), sequence));

    public static Value Json(string json) => Parser.Parse<Value>(json);

    public static IEnumerable<Record> Records()
    {
        yield return Metric("quality", MetricType.Float, FeedbackLevel.Inference);
        yield return Metric("thumbs_up", MetricType.Boolean, FeedbackLevel.Inference);
        yield return Metric("episode_score", MetricType.Float, FeedbackLevel.Episode);

        var ex = Chat(Ex, "write_haiku", "v1", E1, """{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}""", """[{"type":"text","text":"..."}]""");
        ex.Tags["env"] = "prod";
        ex.ExtraBody = Json("[]");
        ex.LatencyMs = 812;
        yield return new Record { Inference = ex };

        var h1 = Chat(H1, "write_haiku", "v1", E1, Golden.H1Input, """[{"type":"text","text":"Cherry 🌸 blossoms\nfall"}]""");
        h1.Tags["user"] = "ada";
        h1.Tags["env"] = "prod";
        h1.ExtraBody = Json("""[{"variant_name":"v1","pointer":"/service_tier","value":"flex"}]""");
        h1.InferenceParams = Json("""{"chat_completion":{"temperature":0.7,"max_tokens":256,"seed":42,"stop_sequences":["\n\n"],"reasoning_effort":"low"}}""");
        h1.ToolParams = Json("""{"allowed_tools":["lookup"],"tool_choice":"auto","parallel_tool_calls":false,"provider_tools":[]}""");
        h1.LatencyMs = 812.5;
        h1.TtftMs = 45.4;
        h1.SnapshotHash = "0123abcd";
        yield return new Record { Inference = h1 };

        var h2 = Chat(H2, "write_haiku", "v2", E1, """{"messages":[{"role":"user","content":[{"type":"text","text":"Again"}]}]}""", """[{"type":"text","text":"Second"}]""");
        h2.Tags["env"] = "dev";
        yield return new Record { Inference = h2 };

        var h3 = Chat(H3, "write_haiku", "v1", null, """{"system":"Be brief","messages":[{"role":"user","content":[{"type":"text","text":"Third"}]}]}""", Golden.H3Output);
        h3.InferenceParams = Json("""{"chat_completion":{"temperature":1.0,"top_p":0.95,"frequency_penalty":-0.5}}""");
        h3.LatencyMs = 0.4;
        yield return new Record { Inference = h3 };

        var j1 = Chat(J1, "extract_entities", "v1", E2, """{"messages":[{"role":"user","content":[{"type":"text","text":"Ada met Grace"}]}]}""", """{"raw":"{\"people\":[\"Ada\"]}","parsed":{"people":["Ada"]}}""");
        j1.FunctionType = FunctionType.Json;
        j1.Tags["env"] = "prod";
        j1.OutputSchema = Json(Golden.J1Schema);
        j1.InferenceParams = Json("""{"chat_completion":{"temperature":0.2,"json_mode":"strict"}}""");
        j1.ToolParams = Json("""{"tool_choice":"none"}""");
        j1.LatencyMs = 120;
        j1.TtftMs = 33.5;
        j1.SnapshotHash = "feedbeef";
        yield return new Record { Inference = j1 };

        var j2 = Chat(J2, "extract_entities", "v2", E2, """{"messages":[{"role":"user","content":[{"type":"text","text":"Nobody"}]}]}""", """{"raw":"not json","parsed":null}""");
        j2.FunctionType = FunctionType.Json;
        j2.Tags["env"] = "staging";
        yield return new Record { Inference = j2 };

        for (var i = 0; i < BulkCount; i++)
        {
            var bulk = Chat(Bulk(i), "bulk", "b", E3, $$"""{"messages":[{"role":"user","content":[{"type":"text","text":"Bulk question {{i}}"}]}]}""", $$"""[{"type":"text","text":"Bulk answer {{i}}"}]""");
            bulk.Tags["batch"] = "1";
            bulk.Tags["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            bulk.LatencyMs = i * 10;
            yield return new Record { Inference = bulk };
        }

        // Feedback after its targets, one second apart; the later quality for H1 replaces the earlier.
        yield return Feedback(100, H1, "quality", f => f.FloatValue = 0.1);
        yield return Feedback(101, H1, "quality", f => f.FloatValue = 0.9);
        yield return Feedback(102, H2, "quality", f => f.FloatValue = 0.4);
        yield return Feedback(103, H1, "thumbs_up", f => f.BooleanValue = true);
        yield return Feedback(104, J1, "thumbs_up", f => f.BooleanValue = false);
        yield return Feedback(105, E1, "episode_score", f => f.FloatValue = 0.75);
        yield return Feedback(106, H1, null, f => f.Demonstration = Json("""[{"type":"text","text":"Old demo"}]"""));
        yield return Feedback(107, H1, null, f => f.Demonstration = Json("""[{"type":"text","text":"A better haiku"}]"""));
        yield return Feedback(108, H2, null, f => f.Demonstration = Value.ForString("Plain demo"));
        yield return Feedback(109, J1, null, f => f.Demonstration = Json("""{"people":["Grace"]}"""));
        yield return Feedback(110, H1, null, f => f.Comment = "Too many syllables");
    }

    private static Inference Chat(string id, string function, string variant, string? episode, string input, string output) => new()
    {
        Id = id,
        FunctionName = function,
        FunctionType = FunctionType.Chat,
        VariantName = variant,
        EpisodeId = episode ?? string.Empty,
        Input = Json(input),
        Output = Json(output),
    };

    private static Record Metric(string name, MetricType type, FeedbackLevel level) =>
        new() { MetricDefinition = new MetricDefinition { Name = name, Type = type, Level = level } };

    private static Record Feedback(int second, string target, string? metric, Action<Feedback> value)
    {
        var feedback = new Feedback { Id = Id(second, 1), TargetId = target, MetricName = metric ?? string.Empty };
        value(feedback);
        return new Record { Feedback = feedback };
    }
}
