using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// The Weave evaluations every Weave test queries, in project "acme/evals"; Golden/reference.py
/// holds the same data and computes the golden replies from it independently. Runs eval-a and
/// eval-b are stored; eval-c has trials but no stored run. Rows: X1 (run by a and b, a twice),
/// X2 (a and c, with escapes and characters beyond the BMP), X3 (a dataset-row ref), X4 (a
/// plain string, b only).
/// </summary>
internal static class WeaveDataSet
{
    public const string Entity = "acme";
    public const string Project = "evals";

    public const string X1 = """{"question": "What is 2+2?", "answer": 4, "meta": {"difficulty": 0.75, "tags": ["math", "easy"]}}""";
    public const string X2 = """{"q": "Caf\u00e9 \ud83c\udf38 \u4e2d\u6587", "ctrl": "\u0000\u001f\u007f", "esc": "tab\there \"q\" back\\slash\n/"}""";
    public const string X3 = "\"weave:///acme/evals/object/ds:v2/attr/rows/id/RefRow1\"";
    public const string X4 = "\"plain text\"";

    /// <summary>Row digests as Weave computes them (Golden/reference.py).</summary>
    public const string X1Digest = "BB5o3X09QNvAFCUzNtoWXxTiVYRMdrcBWQL06dt7kP8";
    public const string X3Digest = "RefRow1";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static string Path(string method = "query") => $"/v2/{Entity}/{Project}/eval_results/{method}";

    public static IEnumerable<Record> Records()
    {
        yield return Run("eval-a", "weave:///acme/evals/object/gpt-model:v3", "gpt run", "trace-a", Start);
        yield return Run("eval-b", "weave:///acme/evals/object/claude-model:v1", "claude run", "trace-b", Start.AddMinutes(-1).AddMilliseconds(250));
        yield return Trial("b1", "eval-b", X1, -1, "\"four\"", """{"exact": 0.5}""", "p-b1", [("exact", "s-b1")], 0.25, 7, null);
        yield return Trial("a1", "eval-a", X1, 1, "\"4\"", """{"exact": true, "similarity": {"score": 0.5, "passed": true}}""", "p-a1", [("exact", "s-a1-exact"), ("similarity", "s-a1-sim")], 1.5, 10, 0.001);
        yield return Trial("a2", "eval-a", X2, 2, """{"text": "ok", "n": 2.5}""", """{"exact": false, "similarity": {"score": 0.25, "passed": false}}""", null, [], null, null, null);
        yield return Trial("a3", "eval-a", X1, 3, "\"4\"", """{"exact": true, "similarity": {"score": 1, "passed": true}}""", "p-a3", [("exact", "s-a3-exact")], 2.0, 12, 0.002);
        yield return Trial("a4", "eval-a", X3, 4, "null", """{"exact": false, "label": "meh", "extra": [1, 2]}""", "p-a4", [], 0.125, null, null);
        yield return Trial("b2", "eval-b", X4, 3600, "\"text out\"", """{"exact": true}""", "p-b2", [("exact", "s-b2")], null, 3, 0.5);
        yield return Trial("c1", "eval-c", X2, 7200, "\"c out\"", "{}", null, [], null, null, null);
    }

    public static WriteRecordsRequest WriteRequest() => new() { Project = Entity + "/" + Project, Records = { Records() } };

    private static Record Run(string id, string model, string name, string trace, DateTimeOffset start) => new()
    {
        EvaluationRun = new EvaluationRun
        {
            Id = id,
            EvaluationRef = "weave:///acme/evals/object/qa-eval:v1",
            ModelRef = model,
            DisplayName = name,
            TraceId = trace,
            StartTime = Timestamp.FromDateTimeOffset(start),
        },
    };

    private static Record Trial(string id, string run, string example, int second, string output, string scores, string? predict, (string Scorer, string Call)[] scorers, double? latency, long? tokens, double? cost)
    {
        var trial = new EvaluationTrial
        {
            Id = id,
            EvaluationRunId = run,
            Example = Parser.Parse<Value>(example),
            ModelOutput = Parser.Parse<Value>(output),
            PredictCallId = predict ?? string.Empty,
            StartTime = Timestamp.FromDateTimeOffset(Start.AddSeconds(second)),
        };
        foreach (var (key, value) in Parser.Parse<Struct>(scores).Fields)
        {
            trial.Scores.Add(key, value);
        }

        foreach (var (scorer, call) in scorers)
        {
            trial.ScorerCallIds.Add(scorer, call);
        }

        if (latency is { } seconds)
        {
            trial.ModelLatencySeconds = seconds;
        }

        if (tokens is { } count)
        {
            trial.TotalTokens = count;
        }

        if (cost is { } usd)
        {
            trial.TotalCost = usd;
        }

        return new Record { EvaluationTrial = trial };
    }
}
