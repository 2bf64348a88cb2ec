using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>Builds one random record at a time for <see cref="DataGenerator"/>.</summary>
internal sealed class RecordFactory(Random random, DataPools pools)
{
    public Inference Inference(Guid id)
    {
        var function = Pick(DataPools.Functions.Keys.ToList());
        var inference = new Inference
        {
            Id = Uuid7.Format(id),
            FunctionName = function,
            VariantName = Pick(DataPools.Functions[function]),
            EpisodeId = Chance(0.8) ? Uuid7.Format(Pick(pools.EpisodeIds)) : string.Empty,
            SessionId = Chance(0.5) ? Pick(pools.SessionIds) : string.Empty,
            ExternalId = Chance(0.6) ? Pick(pools.ExternalIds) : string.Empty,
            Input = Chance(0.9) ? Value.ForStruct(new Struct { Fields = { ["messages"] = Value.ForList(Value.ForString(Sentence()), Value.ForString(Sentence())) } }) : null,
            Output = Chance(0.9) ? Value.ForList(Value.ForStruct(new Struct { Fields = { ["type"] = Value.ForString("text"), ["text"] = Value.ForString(Sentence()) } })) : null,
        };
        if (Chance(0.4))
        {
            inference.TurnIndex = random.Next(5);
        }

        // Mostly the time comes from the id; sometimes it is given and differs, so time order and id order disagree.
        if (Chance(0.1))
        {
            inference.CreateTime = Timestamp.FromDateTimeOffset(Uuid7.Timestamp(id).AddMilliseconds(random.Next(-5000, 5000)));
        }

        if (Chance(0.08))
        {
            inference.DeleteTime = Timestamp.FromDateTimeOffset(DataPools.Start.AddDays(4));
        }

        foreach (var (key, values) in DataPools.Tags)
        {
            if (Chance(key == "env" ? 0.7 : 0.4))
            {
                inference.Tags[key] = Pick(values);
            }
        }

        return inference;
    }

    /// <summary>A second version of an inference: another variant, episode and tags, maybe deleted or restored.</summary>
    public Inference Rewrite(Inference original)
    {
        var rewrite = Inference(Guid.Parse(original.Id));
        rewrite.FunctionName = original.FunctionName;
        rewrite.VariantName = Pick(DataPools.Functions[original.FunctionName]);
        return rewrite;
    }

    public IEnumerable<Feedback> MetricFeedback(MetricDefinition metric, Guid target, int count)
    {
        var time = DataPools.Start.AddSeconds(random.Next(3 * 24 * 3600)).AddMilliseconds(random.Next(1000));
        for (var i = 0; i < count; i++)
        {
            var feedback = new Feedback { TargetId = Uuid7.Format(target), MetricName = metric.Name };
            if (metric.Type == MetricType.Float)
            {
                feedback.FloatValue = Pick(DataPools.Scores);
            }
            else
            {
                feedback.BooleanValue = Chance(0.5);
            }

            yield return Timed(feedback, time);

            // Often the next one comes in the same millisecond: the larger id must win the tie.
            time = Chance(0.3) ? time : time.AddMilliseconds(random.Next(-20_000, 60_000));
        }
    }

    public IEnumerable<Feedback> Demonstrations(Guid target, int count)
    {
        var time = DataPools.Start.AddSeconds(random.Next(3 * 24 * 3600));
        for (var i = 0; i < count; i++)
        {
            yield return Timed(new Feedback { TargetId = Uuid7.Format(target), Demonstration = Value.ForString(Sentence()) }, time);
            time = time.AddMilliseconds(random.Next(0, 5000));
        }
    }

    public Feedback Comment(Guid target) =>
        Timed(new Feedback { TargetId = Uuid7.Format(target), Comment = Sentence() }, DataPools.Start.AddSeconds(random.Next(1000)));

    /// <summary>Sets the time either through the id (UUIDv7) or explicitly, with an id from another moment.</summary>
    private Feedback Timed(Feedback feedback, DateTimeOffset time)
    {
        if (Chance(0.3))
        {
            feedback.Id = Uuid7.Format(DeterministicIds.Version7(DataPools.Start.AddSeconds(random.Next(3 * 24 * 3600)).ToUnixTimeMilliseconds(), random));
            feedback.CreateTime = Timestamp.FromDateTimeOffset(time);
        }
        else
        {
            feedback.Id = Uuid7.Format(DeterministicIds.Version7(time.ToUnixTimeMilliseconds(), random));
        }

        return feedback;
    }

    private string Sentence() => string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pick(DataPools.Words)));

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
