using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;

namespace InferenceGrpc.SampleData.Tests;

public sealed class RecordValidityTests(SampleDataSetFixture data) : IClassFixture<SampleDataSetFixture>
{
    private static readonly DateTimeOffset WindowStart = SampleDataSetFixture.Options.WindowStart;
    private static readonly DateTimeOffset WindowEnd = SampleDataSetFixture.Options.WindowEnd;

    [Fact]
    public void GenerateBatches_EveryBatch_PassesTheRecordValidator()
    {
        var metrics = new Dictionary<string, MetricDefinition>(StringComparer.Ordinal);

        foreach (var batch in data.Batches)
        {
            var validated = RecordValidator.Validate(batch, metrics, WindowEnd);

            Assert.Equal(batch.Count, validated.Count);
            foreach (var metric in validated.MetricDefinitions)
            {
                metrics[metric.Name] = metric;
            }
        }
    }

    [Fact]
    public void GenerateBatches_RecordIds_AreUuid7AndStrictlyIncreasing()
    {
        var previous = Guid.Empty;

        foreach (var id in data.Records.Select(RecordId).OfType<string>())
        {
            Assert.True(Uuid7.TryParse(id, out var parsed), id);
            Assert.True(Uuid7.IsVersion7(parsed), id);
            Assert.Equal(0x80, Uuid7.ToBigEndianBytes(parsed)[8] & 0xC0);
            Assert.Equal(id, Uuid7.Format(parsed));
            Assert.True(Uuid7.Compare(previous, parsed) < 0, $"{id} does not follow {previous}");
            previous = parsed;
        }
    }

    [Fact]
    public void GenerateBatches_Inferences_CarryTheirCreateTimeInTheId()
    {
        Assert.All(data.Inferences, inference =>
        {
            Assert.True(Uuid7.TryParse(inference.Id, out var id));
            Assert.Equal(inference.CreateTime.ToDateTimeOffset(), Uuid7.Timestamp(id));
        });
    }

    [Fact]
    public void GenerateBatches_EveryTime_FallsInsideTheWindow()
    {
        var times = data.Inferences.Select(i => i.CreateTime)
            .Concat(data.Feedback.Select(f => f.CreateTime))
            .Concat(data.Evaluations.Select(e => e.CreateTime))
            .Concat(data.Trials.Select(t => t.StartTime))
            .Concat(data.Runs.Select(r => r.EndTime))
            .Concat(data.Inferences.Where(i => i.DeleteTime is not null).Select(i => i.DeleteTime))
            .Select(t => t.ToDateTimeOffset());

        Assert.All(times, time => Assert.True(time >= WindowStart && time < WindowEnd, time.ToString("O")));
    }

    [Fact]
    public void GenerateBatches_Feedback_ComesAfterAnEarlierInferenceOrEpisode()
    {
        var inferences = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var episodes = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        foreach (var record in data.Records)
        {
            if (record.KindCase == Record.KindOneofCase.Inference)
            {
                inferences[record.Inference.Id] = record.Inference.CreateTime.ToDateTimeOffset();
                episodes[record.Inference.EpisodeId] = record.Inference.CreateTime.ToDateTimeOffset();
            }
            else if (record.KindCase == Record.KindOneofCase.Feedback)
            {
                var feedback = record.Feedback;
                var targets = feedback.Level == FeedbackLevel.Episode ? episodes : inferences;
                Assert.True(targets.TryGetValue(feedback.TargetId, out var targetTime), $"{feedback.Level} {feedback.TargetId} not seen before its feedback");
                Assert.True(feedback.CreateTime.ToDateTimeOffset() > targetTime);
            }
        }
    }

    [Fact]
    public void GenerateBatches_InferenceEvaluations_PointAtEarlierInferencesOrSessions()
    {
        var inferences = new HashSet<string>(StringComparer.Ordinal);
        var sessions = new HashSet<string>(StringComparer.Ordinal);

        foreach (var record in data.Records)
        {
            if (record.KindCase == Record.KindOneofCase.Inference)
            {
                inferences.Add(record.Inference.Id);
                sessions.Add(record.Inference.SessionId);
            }
            else if (record.KindCase == Record.KindOneofCase.InferenceEvaluation)
            {
                var evaluation = record.InferenceEvaluation;
                Assert.True(evaluation.InferenceId.Length > 0 ? inferences.Contains(evaluation.InferenceId) : sessions.Contains(evaluation.SessionId));
                Assert.Equal(evaluation.Status == InferenceEvaluationStatus.Success, evaluation.HasScore);
            }
        }
    }

    [Fact]
    public void GenerateBatches_Trials_FollowTheirRunInStartOrder()
    {
        var runs = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        foreach (var record in data.Records)
        {
            if (record.KindCase == Record.KindOneofCase.EvaluationRun)
            {
                runs[record.EvaluationRun.Id] = record.EvaluationRun.StartTime.ToDateTimeOffset();
            }
            else if (record.KindCase == Record.KindOneofCase.EvaluationTrial)
            {
                var trial = record.EvaluationTrial;
                Assert.True(runs.TryGetValue(trial.EvaluationRunId, out var lastStart));
                Assert.True(trial.StartTime.ToDateTimeOffset() > lastStart);
                runs[trial.EvaluationRunId] = trial.StartTime.ToDateTimeOffset();
            }
        }
    }

    private static string? RecordId(Record record) => record.KindCase switch
    {
        Record.KindOneofCase.Inference => record.Inference.Id,
        Record.KindOneofCase.Feedback => record.Feedback.Id,
        Record.KindOneofCase.EvaluationRun => record.EvaluationRun.Id,
        Record.KindOneofCase.EvaluationTrial => record.EvaluationTrial.Id,
        Record.KindOneofCase.InferenceEvaluation => record.InferenceEvaluation.Id,
        _ => null,
    };
}
