using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData.Tests;

/// <summary>One generated data set shared by the tests of a class: 20,000 inferences in batches of 2,000.</summary>
public sealed class SampleDataSetFixture
{
    public SampleDataSetFixture()
    {
        Batches = [.. new SampleDataGenerator(Options).GenerateBatches()];
        Records = [.. Batches.SelectMany(batch => batch)];
    }

    public static SampleDataOptions Options { get; } = new() { InferenceCount = 20_000, Seed = 11, BatchSize = 2_000 };

    public IReadOnlyList<IReadOnlyList<Record>> Batches { get; }

    public IReadOnlyList<Record> Records { get; }

    public IEnumerable<Inference> Inferences => Records.Where(r => r.KindCase == Record.KindOneofCase.Inference).Select(r => r.Inference);

    public IEnumerable<Feedback> Feedback => Records.Where(r => r.KindCase == Record.KindOneofCase.Feedback).Select(r => r.Feedback);

    public IEnumerable<EvaluationRun> Runs => Records.Where(r => r.KindCase == Record.KindOneofCase.EvaluationRun).Select(r => r.EvaluationRun);

    public IEnumerable<EvaluationTrial> Trials => Records.Where(r => r.KindCase == Record.KindOneofCase.EvaluationTrial).Select(r => r.EvaluationTrial);

    public IEnumerable<InferenceEvaluation> Evaluations => Records.Where(r => r.KindCase == Record.KindOneofCase.InferenceEvaluation).Select(r => r.InferenceEvaluation);
}
