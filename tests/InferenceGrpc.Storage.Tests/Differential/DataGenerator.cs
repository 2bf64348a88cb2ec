using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Tests.Reference;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// Generates a data set from a seed: inferences over a few functions, variants, episodes,
/// sessions and tags, clustered in time so many share a second; feedback of every metric kind
/// with repeated values, ties in time and replays, some arriving before its inference; some
/// targets that do not exist; demonstrations, comments, soft deletes, rewrites, evaluations.
/// </summary>
internal sealed class DataGenerator
{
    private const int BatchCount = 5;
    private readonly Random _random;
    private readonly DataPools _pools = new();
    private readonly Dictionary<Guid, string> _aliases = [];
    private readonly RecordFactory _factory;

    private DataGenerator(int seed)
    {
        _random = new Random(seed);
        _factory = new RecordFactory(_random, _pools);
    }

    public static DifferentialData Generate(int seed, int inferenceCount)
    {
        var generator = new DataGenerator(seed);
        return generator.Build(seed, inferenceCount);
    }

    private DifferentialData Build(int seed, int inferenceCount)
    {
        BuildPools(inferenceCount);
        var inferences = _pools.InferenceIds.Select(_factory.Inference).ToList();
        var records = new List<Record>();
        records.AddRange(inferences.Select(i => new Record { Inference = i }));
        records.AddRange(Feedback().Select(f => new Record { Feedback = f }));
        records.AddRange(Evaluations().Select(e => new Record { InferenceEvaluation = e }));
        Shuffle(records);

        // Replays and rewrites come last: a replayed feedback must change nothing, a rewritten inference replaces the first version.
        var late = records.Where(r => r.KindCase == Record.KindOneofCase.Feedback && _random.NextDouble() < 0.05).Select(r => r.Clone()).ToList();
        late.AddRange(inferences.Where(_ => _random.NextDouble() < 0.06).Select(i => new Record { Inference = _factory.Rewrite(i) }));

        var metrics = new Dictionary<string, MetricDefinition>(StringComparer.Ordinal);
        var batches = new List<RecordBatch> { Validate(DataPools.Metrics.Select(m => new Record { MetricDefinition = m.Clone() }).ToList(), metrics) };
        var size = (records.Count + BatchCount - 1) / BatchCount;
        batches.AddRange(records.Chunk(size).Select(chunk => Validate(chunk, metrics)));
        batches.Add(Validate(late, metrics));

        var decoy = Validate([.. DataPools.Metrics.Select(m => new Record { MetricDefinition = m.Clone() }), .. records.Take(records.Count / 4).Select(r => r.Clone())], new Dictionary<string, MetricDefinition>());
        var reference = new ReferenceData();
        foreach (var batch in batches)
        {
            reference.Apply(batch);
        }

        foreach (var text in reference.Inferences.Select(SearchText.Of).Where(t => t.Length > 12).Take(40))
        {
            var at = _random.Next(text.Length - 8);
            _pools.SearchSamples.Add(text.Substring(at, _random.Next(1, 8)));
        }

        return new DifferentialData(seed, batches, decoy, reference, _pools, _aliases);
    }

    private void BuildPools(int inferenceCount)
    {
        // About three inferences per second, over three days (Cosmos partitions by day).
        for (var i = 0; i < inferenceCount / 3; i++)
        {
            _pools.Seconds.Add(_random.Next(3 * 24 * 3600));
        }

        for (var i = 0; i < inferenceCount; i++)
        {
            var second = _pools.Seconds[_random.Next(_pools.Seconds.Count)];
            var ms = DataPools.Start.AddSeconds(second).ToUnixTimeMilliseconds() + _random.Next(1000);
            Add(_pools.InferenceIds, DeterministicIds.Version7(ms, _random), "i");
        }

        for (var i = 0; i < inferenceCount / 12; i++)
        {
            var id = i % 8 == 7 ? DeterministicIds.Version4(_random) : DeterministicIds.Version7(DataPools.Start.AddSeconds(_random.Next(3 * 24 * 3600)).ToUnixTimeMilliseconds(), _random);
            Add(_pools.EpisodeIds, id, "e");
        }

        _pools.SessionIds.AddRange(Enumerable.Range(0, 10).Select(i => $"s-{i}"));
        _pools.ExternalIds.AddRange(Enumerable.Range(0, inferenceCount * 2 / 3).Select(i => $"ext-{i}"));
        _pools.EvaluationIds.AddRange(Enumerable.Range(0, 16).Select(i => $"ev-{i}"));
    }

    private IEnumerable<Feedback> Feedback()
    {
        // Feedback may name targets that were never written; they must change nothing.
        var unknownTargets = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            Add(unknownTargets, DeterministicIds.Version7(DataPools.Start.ToUnixTimeMilliseconds() + _random.Next(1_000_000), _random), "u");
        }

        foreach (var metric in DataPools.Metrics)
        {
            var targets = metric.Level == FeedbackLevel.Episode ? _pools.EpisodeIds : _pools.InferenceIds;
            var share = metric.Name == "rare" ? 0.02 : 0.45;
            foreach (var target in targets.Where(_ => _random.NextDouble() < share).Concat(unknownTargets.Take(2)))
            {
                foreach (var feedback in _factory.MetricFeedback(metric, target, _random.Next(1, 4)))
                {
                    yield return feedback;
                }
            }
        }

        foreach (var target in _pools.InferenceIds.Where(_ => _random.NextDouble() < 0.25).Concat(unknownTargets.Skip(3)))
        {
            foreach (var feedback in _factory.Demonstrations(target, _random.Next(1, 3)))
            {
                yield return feedback;
            }
        }

        foreach (var target in _pools.InferenceIds.Where(_ => _random.NextDouble() < 0.05))
        {
            yield return _factory.Comment(target);
        }
    }

    private IEnumerable<InferenceEvaluation> Evaluations() => _pools.EvaluationIds.Select((id, i) => new InferenceEvaluation
    {
        Id = id,
        MetricId = "judge",
        // Even evaluations name an inference (a few unknown), odd ones a whole session (a few empty); every fifth names both.
        InferenceId = i % 2 == 0 || i % 5 == 0
            ? Uuid7.Format(i % 6 == 0 ? DeterministicIds.Version7(DataPools.Start.ToUnixTimeMilliseconds(), _random) : Pick(_pools.InferenceIds))
            : string.Empty,
        SessionId = i % 2 == 1 ? (i % 7 == 1 ? "s-none" : Pick(_pools.SessionIds)) : string.Empty,
        CreateTime = Timestamp.FromDateTimeOffset(DataPools.Start),
    });

    private RecordBatch Validate(IReadOnlyList<Record> records, Dictionary<string, MetricDefinition> metrics)
    {
        var batch = RecordValidator.Validate(records, metrics, DataPools.Start);
        foreach (var metric in batch.MetricDefinitions)
        {
            metrics[metric.Name] = metric;
        }

        return batch;
    }

    private Guid Add(List<Guid> pool, Guid id, string prefix)
    {
        pool.Add(id);
        _aliases[id] = prefix + pool.Count.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return id;
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    private void Shuffle<T>(List<T> values)
    {
        for (var i = values.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
