using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Generates a realistic, deterministic sample data set: metric definitions, inferences,
/// feedback, evaluation runs with trials, and inference evaluations, all valid for
/// <see cref="Storage.RecordValidator"/>. Generation is lazy: each enumeration replays the
/// simulation from the seed and streams, so millions of inferences use flat memory.
/// </summary>
/// <example>
/// <code>
/// var generator = new SampleDataGenerator(new SampleDataOptions { InferenceCount = 1_000_000, Seed = 7 });
/// foreach (var batch in generator.GenerateBatches())
/// {
///     await client.WriteRecordsAsync(new WriteRecordsRequest { Project = "demo", Records = { batch } });
/// }
/// </code>
/// </example>
public sealed class SampleDataGenerator
{
    public SampleDataGenerator(SampleDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    public SampleDataOptions Options { get; }

    /// <summary>How many evaluation runs a data set of this size has: 3 per 100,000 inferences, at least 2.</summary>
    public int EvaluationRunCount => EvaluationRunSimulator.RunCount(Options.InferenceCount);

    /// <summary>
    /// The records in batches of <see cref="SampleDataOptions.BatchSize"/>. The first batch starts
    /// with the metric definitions; feedback always comes after its target, in the same batch
    /// or a later one.
    /// </summary>
    public IEnumerable<IReadOnlyList<Record>> GenerateBatches() => RecordBatcher.Batch(GenerateRecords(), Options.BatchSize);

    /// <summary>The records one by one, in time order (metric definitions first).</summary>
    public IEnumerable<Record> GenerateRecords()
    {
        // An iterator of its own, so every enumeration starts a fresh simulation from the seed.
        foreach (var record in CreateStream().Records())
        {
            yield return record;
        }
    }

    internal SampleRecordStream CreateStream() => new(Options);
}
