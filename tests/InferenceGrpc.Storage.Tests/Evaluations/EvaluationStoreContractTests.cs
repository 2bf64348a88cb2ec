using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Evaluations;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests.Evaluations;

/// <summary>
/// The evaluation-store contract, run against every backend: each derived class supplies the
/// stores and all of these must pass unchanged. Every test writes to a tenant of its own.
/// </summary>
public abstract class EvaluationStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TenantId _tenant = TenantId.Parse("acme/t" + Guid.NewGuid().ToString("N")[..12]);

    protected abstract IInferenceStore Store { get; }

    protected abstract IEvaluationStore Evaluations { get; }

    [Fact]
    public async Task Read_TrialsOfTwoRuns_MergedInStartOrderAtFullPrecisionTiesById()
    {
        await WriteAsync(
            Run("run-a").AsRecord(),
            Run("run-b").AsRecord(),
            Trial("t-3", "run-a", Start.AddTicks(20)).AsRecord(),
            Trial("t-1", "run-b", Start).AsRecord(),
            Trial("t-2", "run-a", Start.AddTicks(10)).AsRecord(),
            Trial("t-5", "run-b", Start.AddSeconds(1)).AsRecord(),
            Trial("t-4", "run-a", Start.AddSeconds(1)).AsRecord(),
            Trial("t-0", "run-b", null).AsRecord());

        var data = await Evaluations.ReadAsync(_tenant, ["run-a", "run-b"], default);

        Assert.Equal(["t-0", "t-1", "t-2", "t-3", "t-4", "t-5"], data.Trials.Select(t => t.Id));
        Assert.Equal(["run-a", "run-b"], data.Runs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Read_UnknownDuplicateAndRunlessIds_SkipsUnknownReadsOnceKeepsRunlessTrials()
    {
        await WriteAsync(Run("run-a").AsRecord(), Trial("t-1", "run-a", Start).AsRecord(), Trial("t-2", "no-run-record", Start.AddSeconds(1)).AsRecord());

        var data = await Evaluations.ReadAsync(_tenant, ["run-a", "run-a", "missing", "no-run-record"], default);

        Assert.Equal(["run-a"], data.Runs.Keys);
        Assert.Equal(["t-1", "t-2"], data.Trials.Select(t => t.Id));
    }

    [Fact]
    public async Task Read_NoIds_ReturnsNothing()
    {
        await WriteAsync(Run("run-a").AsRecord(), Trial("t-1", "run-a", Start).AsRecord());

        var data = await Evaluations.ReadAsync(_tenant, [], default);

        Assert.Empty(data.Runs);
        Assert.Empty(data.Trials);
    }

    [Fact]
    public async Task Read_OtherTenant_SeesNothing()
    {
        await WriteAsync(Run("run-a").AsRecord(), Trial("t-1", "run-a", Start).AsRecord());
        var other = TenantId.Parse("other/" + _tenant.Value.Split('/')[1]);

        var data = await Evaluations.ReadAsync(other, ["run-a"], default);

        Assert.Empty(data.Runs);
        Assert.Empty(data.Trials);
    }

    [Fact]
    public async Task Read_Trial_KeepsEveryFieldAndTheScoresKeyOrder()
    {
        var trial = Trial("t-1", "run-a", Start);
        trial.Example = Value.ForStruct(new Struct { Fields = { ["q"] = Value.ForString("2+2?"), ["a"] = Value.ForNumber(4) } });
        trial.ModelOutput = Value.ForString("4");
        trial.Scores["zeta"] = Value.ForBool(true);
        trial.Scores["alpha"] = Value.ForStruct(new Struct { Fields = { ["z"] = Value.ForNumber(0.5), ["a"] = Value.ForBool(false) } });
        trial.ScorerCallIds["zeta"] = "call-z";
        trial.PredictCallId = "predict-1";
        trial.ModelLatencySeconds = 1.25;
        trial.TotalTokens = 42;
        trial.TotalCost = 0.001;
        await WriteAsync(Run("run-a").AsRecord(), trial.AsRecord());

        var read = Assert.Single((await Evaluations.ReadAsync(_tenant, ["run-a"], default)).Trials);

        Assert.Equal(trial, read);
        Assert.Equal(["zeta", "alpha"], read.Scores.Keys);
        Assert.Equal(["z", "a"], read.Scores["alpha"].StructValue.Fields.Keys);
    }

    [Fact]
    public async Task ListRuns_EveryRunOfTheTenant_NewestStartFirstAtFullPrecisionTiesByLargerIdUnstartedLast()
    {
        var unstarted = Run("run-unstarted");
        unstarted.StartTime = null;
        await WriteAsync(
            RunAt("run-a", Start).AsRecord(), RunAt("run-c", Start.AddTicks(10)).AsRecord(), RunAt("run-b", Start.AddTicks(10)).AsRecord(),
            unstarted.AsRecord(), RunAt("run-d", Start.AddSeconds(-1)).AsRecord(), Trial("t-1", "run-a", Start).AsRecord());
        var other = TenantId.Parse("other/" + _tenant.Value.Split('/')[1]);

        var runs = await Evaluations.ListRunsAsync(_tenant, default);

        Assert.Equal(["run-c", "run-b", "run-a", "run-d", "run-unstarted"], runs.Select(r => r.Id));
        Assert.Equal(RunAt("run-a", Start), runs[2]);
        Assert.Empty(await Evaluations.ListRunsAsync(other, default));
    }

    private Task WriteAsync(params Record[] records) =>
        Store.WriteAsync(_tenant, RecordValidator.Validate(records, new Dictionary<string, MetricDefinition>(), Start), default);

    private static EvaluationRun Run(string id) => new()
    {
        Id = id,
        EvaluationRef = "weave:///acme/evals/object/eval:v1",
        ModelRef = "weave:///acme/evals/object/model:v1",
        DisplayName = "Run " + id,
        TraceId = "trace-" + id,
        StartTime = Timestamp.FromDateTimeOffset(Start.AddMinutes(-1)),
    };

    private static EvaluationRun RunAt(string id, DateTimeOffset start)
    {
        var run = Run(id);
        run.StartTime = Timestamp.FromDateTimeOffset(start);
        return run;
    }

    private static EvaluationTrial Trial(string id, string runId, DateTimeOffset? start) => new()
    {
        Id = id,
        EvaluationRunId = runId,
        Example = Value.ForString("row " + id),
        StartTime = start is { } time ? Timestamp.FromDateTimeOffset(time) : null,
    };
}
