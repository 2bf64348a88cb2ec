using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Builds feedback records when their scheduled time comes. Demonstrations take the shape of
/// the target function's output (content blocks, or {"raw", "parsed"}); annotators are users
/// of the sample organization.
/// </summary>
internal sealed class FeedbackFactory(Random random, SeededUuid7Factory ids)
{
    public Feedback Create(ScheduledEvent due)
    {
        var feedback = new Feedback
        {
            Id = ids.Next(due.TimeMs).ToString("D"),
            TargetId = due.TargetId.ToString("D"),
            CreateTime = InferenceFactory.ToTimestamp(due.TimeMs),
        };

        switch (due.Kind)
        {
            case ScheduledEventKind.InferenceMetric or ScheduledEventKind.EpisodeMetric:
                var metric = MetricCatalog.Definitions[due.Detail];
                feedback.MetricName = metric.Name;
                feedback.Level = metric.Level;
                if (MetricCatalog.IsBoolean(due.Detail))
                {
                    feedback.BooleanValue = due.Value > 0.5;
                }
                else
                {
                    feedback.FloatValue = due.Value;
                }

                feedback.Tags.Add("source", due.Detail == MetricCatalog.LatencyOk ? "automated" : "human");
                break;
            case ScheduledEventKind.Demonstration:
                var function = FunctionCatalog.All[due.Detail];

                // A human's answer: the best a model could do.
                feedback.Demonstration = OutputComposer.Build(function, Scenario.Draw(random), 1.0, random);
                feedback.Level = FeedbackLevel.Inference;
                AddAnnotator(feedback);
                break;
            default:
                feedback.Comment = random.PickOne(WordLists.Comments);
                feedback.Level = FeedbackLevel.Inference;
                AddAnnotator(feedback);
                break;
        }

        return feedback;
    }

    private void AddAnnotator(Feedback feedback)
    {
        feedback.Tags.Add("source", "annotator");
        feedback.Tags.Add("annotator", SubjectCatalog.Users[random.Next(SubjectCatalog.Users.Count)].Slug);
    }
}
