using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData.Tests;

/// <summary>Loose sanity bounds: the data set has the variety and skew the query APIs need.</summary>
public sealed class DistributionTests(SampleDataSetFixture data) : IClassFixture<SampleDataSetFixture>
{
    private const int Count = 20_000;

    [Fact]
    public void Inferences_Functions_CoverChatAndJsonWithSkewedPopularity()
    {
        var byFunction = data.Inferences.GroupBy(i => i.FunctionName).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(byFunction.Count >= 8);
        Assert.Contains(data.Inferences, i => i.FunctionType == FunctionType.Json);
        Assert.Contains(data.Inferences, i => i.FunctionType == FunctionType.Chat);
        Assert.True(byFunction["answer_question"] > 3 * byFunction["write_haiku"]);
        Assert.All(data.Inferences.GroupBy(i => i.FunctionName), g => Assert.InRange(g.Select(i => i.VariantName).Distinct().Count(), 1, 4));
    }

    [Fact]
    public void Inferences_ModelsAndRequestTypes_AreVaried()
    {
        Assert.True(data.Inferences.Select(i => i.ModelName).Distinct().Count() >= 5);
        Assert.All(data.Inferences, i => Assert.StartsWith(i.ModelProviderName + "/", i.ModelName, StringComparison.Ordinal));
        Assert.Equal(["chat", "completion", "embedding"], data.Inferences.Select(i => i.RequestType).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(data.Inferences.Count(i => i.VirtualModelName.Length > 0), Count / 10, Count / 2);
    }

    [Fact]
    public void Inferences_Subjects_AreSkewedUsersAndVirtualAccountsInOneToThreeTeams()
    {
        var users = data.Inferences.Where(i => i.SubjectType == SubjectType.User).GroupBy(i => i.SubjectSlug).Select(g => g.Count()).OrderDescending().ToList();

        Assert.True(users.Count > 100);
        Assert.True(users[0] > 20 * users[^1]);
        Assert.All(data.Inferences.Where(i => i.SubjectType == SubjectType.User), i => Assert.Contains('@', i.SubjectSlug));
        Assert.InRange(data.Inferences.Where(i => i.SubjectType == SubjectType.VirtualAccount).Select(i => i.SubjectSlug).Distinct().Count(), 5, 10);
        Assert.All(data.Inferences, i => Assert.InRange(i.Teams.Count, 1, 3));
    }

    [Fact]
    public void Inferences_StatusesAndLifecycle_IncludeRareCases()
    {
        Assert.InRange(data.Inferences.Count(i => i.Status == InferenceStatus.Success), Count * 0.9, Count * 0.98);
        Assert.Contains(data.Inferences, i => i.Status == InferenceStatus.Failed);
        Assert.Contains(data.Inferences, i => i.Status == InferenceStatus.Pending);
        Assert.InRange(data.Inferences.Count(i => i.DeleteTime is not null), 20, Count / 20);
        Assert.InRange(data.Inferences.Count(i => i.ExternalId.Length > 0), Count / 10, Count / 2);
        Assert.All(data.Inferences, i => Assert.InRange(i.Tags.Count, 1, 4));
        Assert.All(data.Inferences, i => Assert.Matches("^[0-9a-f]{32}$", i.TraceId));
    }

    [Fact]
    public void Inferences_SessionsAndEpisodes_GroupOneToSixTurns()
    {
        var episodes = data.Inferences.GroupBy(i => i.EpisodeId).Select(g => g.Count()).ToList();
        var sessions = data.Inferences.Where(i => i.SessionId.Length > 0).GroupBy(i => i.SessionId).ToList();

        Assert.InRange(episodes.Max(), 2, 6);
        Assert.Contains(1, episodes);
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.Equal(Enumerable.Range(0, s.Count()), s.Select(i => i.TurnIndex)));
    }

    [Fact]
    public void Inferences_InputsAndOutputs_HaveTensorZeroShapes()
    {
        var successes = data.Inferences.Where(i => i.Status == InferenceStatus.Success && i.RequestType != "embedding").ToList();

        Assert.All(data.Inferences, i => Assert.InRange(i.Input.StructValue.Fields["messages"].ListValue.Values.Count, 1, 3));
        Assert.All(successes.Where(i => i.FunctionType == FunctionType.Json), i => Assert.Equal(["raw", "parsed"], i.Output.StructValue.Fields.Keys));
        Assert.All(successes.Where(i => i.FunctionType == FunctionType.Chat), i => Assert.NotEmpty(i.Output.ListValue.Values));
        Assert.Contains(successes, i => i.FunctionType == FunctionType.Chat && BlockTypes(i.Output).Contains("tool_call"));
        Assert.Contains(successes, i => i.FunctionType == FunctionType.Json && i.Output.StructValue.Fields["parsed"].KindCase == Value.KindOneofCase.NullValue);
        Assert.Contains(data.Inferences, i => i.RetrievalContext.Length > 0);
    }

    [Fact]
    public void Inferences_Costs_FollowTokensAndPrices()
    {
        var priced = data.Inferences.Where(i => i.Status == InferenceStatus.Success && !i.HasCacheReadInputTokens && i.HasCostUsd).ToList();

        Assert.NotEmpty(priced);
        Assert.All(priced, i => Assert.Equal((i.InputTokens * i.CostPerInputToken) + (i.OutputTokens * i.CostPerOutputToken), i.CostUsd, 8));
        Assert.All(data.Inferences.Where(i => i.HasOutputTokens), i => Assert.Equal(i.InputTokens + i.OutputTokens, i.TotalTokens));
    }

    [Fact]
    public void Inferences_RareWord_AppearsInAFewInputs()
    {
        var hits = data.Inferences.Count(i => i.Input.ToString().Contains("zebra", StringComparison.Ordinal));

        Assert.InRange(hits, 1, Count / 200);
    }

    [Fact]
    public void Feedback_Kinds_IncludeRevisionsDemonstrationsAndEpisodeMetrics()
    {
        var feedback = data.Feedback.ToList();
        var targeted = data.Feedback.Where(f => f.Level == FeedbackLevel.Inference).Select(f => f.TargetId).Distinct().Count();

        Assert.InRange(targeted, Count / 4, Count * 0.4);
        Assert.InRange(feedback.Count(f => f.ValueCase == Feedback.ValueOneofCase.Demonstration), Count / 100, Count / 20);
        Assert.Contains(feedback, f => f.ValueCase == Feedback.ValueOneofCase.Comment);
        Assert.Contains(feedback, f => f.MetricName == "task_success" && f.Level == FeedbackLevel.Episode);
        Assert.Contains(feedback.Where(f => f.MetricName.Length > 0).GroupBy(f => (f.TargetId, f.MetricName)), g => g.Count() > 1);
        Assert.Equal(["helpfulness", "latency_ok", "task_success", "thumbs_up", "user_rating"], feedback.Select(f => f.MetricName).Where(n => n.Length > 0).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EvaluationRuns_Trials_RetrySomeRowsAndSkipOthers()
    {
        var runs = data.Runs.ToList();
        var rowsByRun = data.Trials.GroupBy(t => t.EvaluationRunId).ToDictionary(g => g.Key, g => g.Select(t => t.Example.ToString()).ToList());
        var allRows = rowsByRun.Values.SelectMany(rows => rows).Distinct().Count();

        Assert.Equal(2, runs.Count);
        Assert.Equal(runs.Select(r => r.Id), rowsByRun.Keys);
        Assert.InRange(allRows, 45, 50);
        Assert.Contains(rowsByRun.Values, rows => rows.Count != rows.Distinct().Count());
        Assert.Contains(rowsByRun.Values, rows => rows.Distinct().Count() < allRows);
    }

    [Fact]
    public void EvaluationTrials_Scores_HaveBooleanAndNumericLeavesAndNesting()
    {
        var trial = data.Trials.First();

        Assert.Equal(Value.KindOneofCase.BoolValue, trial.Scores["contains_answer"].KindCase);
        Assert.Equal(Value.KindOneofCase.BoolValue, trial.Scores["exact_match"].StructValue.Fields["correct"].KindCase);
        Assert.Equal(Value.KindOneofCase.NumberValue, trial.Scores["f1"].StructValue.Fields["details"].StructValue.Fields["f1"].KindCase);
        Assert.Equal(trial.Scores.Keys, trial.ScorerCallIds.Keys);
        Assert.True(trial.HasModelLatencySeconds && trial.HasTotalTokens);
        Assert.Contains("question", trial.Example.StructValue.Fields.Keys);
    }

    [Fact]
    public void InferenceEvaluations_Statuses_MixScoredAndUnscored()
    {
        var evaluations = data.Evaluations.ToList();

        Assert.Contains(evaluations, e => e.InferenceId.Length > 0);
        Assert.Contains(evaluations, e => e.InferenceId.Length == 0 && e.SessionId.Length > 0);
        Assert.True(evaluations.Select(e => e.Status).Distinct().Count() >= 3);
        Assert.True(evaluations.Select(e => e.MetricId).Distinct().Count() >= 4);
    }

    private static IEnumerable<string> BlockTypes(Value output) =>
        output.ListValue.Values.Select(block => block.StructValue.Fields["type"].StringValue);
}
