using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.SampleData;

/// <summary>
/// The 50-row dataset every evaluation run scores: each support fact asked five ways, as
/// {"question": ..., "expected": ...}. It is fixed, so rows keep their digest across runs and
/// seeds, as a shared Weave dataset does.
/// </summary>
internal static class EvaluationDataset
{
    public static readonly IReadOnlyList<Value> Rows = Build();

    public static int FactOf(int row) => row / SupportFacts.QuestionTemplates.Count;

    private static Value[] Build()
    {
        var templates = SupportFacts.QuestionTemplates.Count;
        var rows = new Value[SupportFacts.Facts.Count * templates];
        for (var i = 0; i < rows.Length; i++)
        {
            var fact = i / templates;
            rows[i] = Json.Obj(("question", Json.Str(SupportFacts.Question(fact, i % templates))), ("expected", Json.Str(SupportFacts.Facts[fact].Answer)));
        }

        return rows;
    }
}
