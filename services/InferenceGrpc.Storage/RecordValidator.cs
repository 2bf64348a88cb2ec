using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage;

/// <summary>
/// Checks a write and fills in what the store derives (ids, times, metric levels), so that a
/// batch is either stored whole or refused with every bad field named. Nothing here touches a
/// store: the caller passes the tenant's existing metric definitions.
/// </summary>
public static partial class RecordValidator
{
    public const int MaxBatchSize = 10_000;
    private const int MaxNameLength = 256;

    public static RecordBatch Validate(IReadOnlyList<Record> records, IReadOnlyDictionary<string, MetricDefinition> existingMetrics, DateTimeOffset now)
    {
        var errors = new List<FieldViolation>();
        if (records.Count > MaxBatchSize)
        {
            throw new RecordValidationException([new FieldViolation("records", $"at most {MaxBatchSize} records per batch, got {records.Count}")]);
        }

        var batch = new RecordBatch();
        var metrics = new Dictionary<string, MetricDefinition>(existingMetrics, StringComparer.Ordinal);

        // Metric definitions first, so feedback in the same batch may use them.
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].KindCase == Record.KindOneofCase.MetricDefinition)
            {
                var metric = ValidateMetric(records[i].MetricDefinition.Clone(), $"records[{i}].metric_definition", errors);
                batch.MetricDefinitions.Add(metric);
                metrics[metric.Name] = metric;
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            foreach (var (field, value) in StorableValue.Values(record))
            {
                if (StorableValue.Problem(value) is { } problem)
                {
                    errors.Add(new FieldViolation($"records[{i}].{field}", problem));
                }
            }

            switch (record.KindCase)
            {
                case Record.KindOneofCase.Inference:
                    batch.Inferences.Add(ValidateInference(record.Inference.Clone(), $"records[{i}].inference", now, errors));
                    break;
                case Record.KindOneofCase.Feedback:
                    batch.Feedback.Add(ValidateFeedback(record.Feedback.Clone(), $"records[{i}].feedback", metrics, now, errors));
                    break;
                case Record.KindOneofCase.EvaluationRun:
                    batch.EvaluationRuns.Add(RequireId(record.EvaluationRun.Clone(), r => r.Id, $"records[{i}].evaluation_run", errors));
                    break;
                case Record.KindOneofCase.EvaluationTrial:
                    var trial = RequireId(record.EvaluationTrial.Clone(), t => t.Id, $"records[{i}].evaluation_trial", errors);
                    Require(trial.EvaluationRunId.Length > 0, $"records[{i}].evaluation_trial.evaluation_run_id", "required", errors);
                    batch.EvaluationTrials.Add(trial);
                    break;
                case Record.KindOneofCase.InferenceEvaluation:
                    var evaluation = RequireId(record.InferenceEvaluation.Clone(), e => e.Id, $"records[{i}].inference_evaluation", errors);
                    Require(evaluation.InferenceId.Length > 0 || evaluation.SessionId.Length > 0, $"records[{i}].inference_evaluation.inference_id", "an inference_id or a session_id is required", errors);
                    if (evaluation.InferenceId.Length > 0)
                    {
                        // Stored in the one canonical form, so every store can match it against inference ids.
                        Require(Uuid7.TryParse(evaluation.InferenceId, out var evaluated), $"records[{i}].inference_evaluation.inference_id", "not a UUID", errors);
                        evaluation.InferenceId = Uuid7.Format(evaluated);
                    }

                    evaluation.CreateTime ??= Timestamp.FromDateTimeOffset(now);
                    batch.InferenceEvaluations.Add(evaluation);
                    break;
                case Record.KindOneofCase.MetricDefinition:
                    break;
                default:
                    errors.Add(new FieldViolation($"records[{i}]", "the record is empty: set one kind"));
                    break;
            }
        }

        return errors.Count > 0 ? throw new RecordValidationException(errors) : batch;
    }

    private static MetricDefinition ValidateMetric(MetricDefinition metric, string path, List<FieldViolation> errors)
    {
        Require(NamePattern().IsMatch(metric.Name), path + ".name", "1 to 128 letters, digits, '_', '-', '.' or ':'", errors);
        Require(metric.Type != MetricType.Unspecified, path + ".type", "required: METRIC_TYPE_FLOAT or METRIC_TYPE_BOOLEAN", errors);
        if (metric.Level == FeedbackLevel.Unspecified)
        {
            metric.Level = FeedbackLevel.Inference;
        }

        return metric;
    }

    private static Inference ValidateInference(Inference inference, string path, DateTimeOffset now, List<FieldViolation> errors)
    {
        if (inference.Id.Length == 0)
        {
            inference.Id = Uuid7.Format(Uuid7.New(inference.CreateTime?.ToDateTimeOffset() ?? now));
        }
        else if (!Uuid7.TryParse(inference.Id, out var id) || !Uuid7.TryTimestamp(id, out _))
        {
            errors.Add(new FieldViolation(path + ".id", "must be a UUIDv7 (its time orders and places the record), or empty to have one minted"));
        }
        else
        {
            inference.Id = Uuid7.Format(id);
        }

        if (inference.CreateTime is null && Uuid7.TryParse(inference.Id, out var minted) && Uuid7.TryTimestamp(minted, out var mintedTime))
        {
            inference.CreateTime = Timestamp.FromDateTimeOffset(mintedTime);
        }

        if (inference.EpisodeId.Length > 0)
        {
            Require(Uuid7.TryParse(inference.EpisodeId, out var episode), path + ".episode_id", "not a UUID", errors);
            inference.EpisodeId = Uuid7.TryParse(inference.EpisodeId, out episode) ? Uuid7.Format(episode) : inference.EpisodeId;
        }

        Require(inference.FunctionName.Length <= MaxNameLength, path + ".function_name", $"at most {MaxNameLength} characters", errors);
        Require(inference.VariantName.Length <= MaxNameLength, path + ".variant_name", $"at most {MaxNameLength} characters", errors);
        Require(inference.TraceId.Length == 0 || TraceIdPattern().IsMatch(inference.TraceId), path + ".trace_id", "32 lower-case hex characters", errors);
        Require(!inference.HasTurnIndex || inference.TurnIndex >= 0, path + ".turn_index", "must not be negative", errors);
        Require(inference.Tags.Keys.All(k => k.Length > 0), path + ".tags", "tag keys must not be empty", errors);
        foreach (var (field, value) in Measures(inference))
        {
            Require(value is null || (double.IsFinite(value.Value) && value >= 0), $"{path}.{field}", "must be a finite, non-negative number", errors);
        }

        if (!inference.HasTotalTokens && inference.HasInputTokens && inference.HasOutputTokens)
        {
            inference.TotalTokens = inference.InputTokens + inference.OutputTokens;
        }

        return inference;
    }

    private static Feedback ValidateFeedback(Feedback feedback, string path, Dictionary<string, MetricDefinition> metrics, DateTimeOffset now, List<FieldViolation> errors)
    {
        if (feedback.Id.Length == 0)
        {
            feedback.Id = Uuid7.Format(Uuid7.New(feedback.CreateTime?.ToDateTimeOffset() ?? now));
        }
        else if (Uuid7.TryParse(feedback.Id, out var id))
        {
            feedback.Id = Uuid7.Format(id);
        }
        else
        {
            errors.Add(new FieldViolation(path + ".id", "not a UUID"));
        }

        feedback.CreateTime ??= Timestamp.FromDateTimeOffset(Uuid7.TryParse(feedback.Id, out var parsed) && Uuid7.TryTimestamp(parsed, out var idTime) ? idTime : now);
        if (Uuid7.TryParse(feedback.TargetId, out var target))
        {
            feedback.TargetId = Uuid7.Format(target);
        }
        else
        {
            errors.Add(new FieldViolation(path + ".target_id", "required: the UUID of an inference or episode"));
        }

        switch (feedback.ValueCase)
        {
            case Feedback.ValueOneofCase.FloatValue or Feedback.ValueOneofCase.BooleanValue:
                ValidateMetricFeedback(feedback, path, metrics, errors);
                break;
            case Feedback.ValueOneofCase.Demonstration:
                Require(feedback.Level is FeedbackLevel.Unspecified or FeedbackLevel.Inference, path + ".level", "a demonstration is about one inference", errors);
                feedback.Level = FeedbackLevel.Inference;
                break;
            case Feedback.ValueOneofCase.Comment:
                feedback.Level = feedback.Level == FeedbackLevel.Unspecified ? FeedbackLevel.Inference : feedback.Level;
                break;
            default:
                errors.Add(new FieldViolation(path + ".value", "required: a float_value, boolean_value, demonstration or comment"));
                break;
        }

        return feedback;
    }

    private static void ValidateMetricFeedback(Feedback feedback, string path, Dictionary<string, MetricDefinition> metrics, List<FieldViolation> errors)
    {
        if (!metrics.TryGetValue(feedback.MetricName, out var metric))
        {
            errors.Add(new FieldViolation(path + ".metric_name", $"unknown metric '{feedback.MetricName}': define it first"));
            return;
        }

        var expected = feedback.ValueCase == Feedback.ValueOneofCase.FloatValue ? MetricType.Float : MetricType.Boolean;
        Require(metric.Type == expected, path + ".value", $"metric '{metric.Name}' is {metric.Type}", errors);
        Require(feedback.ValueCase != Feedback.ValueOneofCase.FloatValue || double.IsFinite(feedback.FloatValue), path + ".float_value", "must be finite", errors);
        Require(feedback.Level == FeedbackLevel.Unspecified || feedback.Level == metric.Level, path + ".level", $"metric '{metric.Name}' is given per {metric.Level}", errors);
        feedback.Level = metric.Level;
    }

    private static T RequireId<T>(T record, Func<T, string> id, string path, List<FieldViolation> errors)
    {
        var value = id(record);
        Require(value.Length is > 0 and <= MaxNameLength, path + ".id", $"required, at most {MaxNameLength} characters", errors);
        return record;
    }

    private static IEnumerable<(string Field, double? Value)> Measures(Inference i) =>
    [
        ("latency_ms", i.HasLatencyMs ? i.LatencyMs : null),
        ("ttft_ms", i.HasTtftMs ? i.TtftMs : null),
        ("input_tokens", i.HasInputTokens ? i.InputTokens : null),
        ("output_tokens", i.HasOutputTokens ? i.OutputTokens : null),
        ("total_tokens", i.HasTotalTokens ? i.TotalTokens : null),
        ("cost_usd", i.HasCostUsd ? i.CostUsd : null),
    ];

    private static void Require(bool condition, string field, string description, List<FieldViolation> errors)
    {
        if (!condition)
        {
            errors.Add(new FieldViolation(field, description));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,128}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceIdPattern();
}
