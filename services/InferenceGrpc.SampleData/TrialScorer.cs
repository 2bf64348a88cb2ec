using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Produces a trial's model output and its scores the way typical Weave scorers return them:
/// a bare bool, {"correct": bool}, {"score": x, "details": {...}} and an LLM judge with a bool,
/// a number and a free-text reason (a leaf summaries ignore).
/// </summary>
internal static class TrialScorer
{
    public static readonly IReadOnlyList<string> ScorerNames = ["exact_match", "contains_answer", "f1", "llm_judge"];

    private static readonly string[] GoodReasons = ["Matches the reference answer.", "Correct and concise.", "Correct, cites the right document."];
    private static readonly string[] BadReasons = ["Contradicts the reference answer.", "Answers a different question.", "Vague; no concrete value given."];

    public static (Value Output, IReadOnlyList<(string Scorer, Value Score)> Scores) Score(ModelSpec model, int row, Random random)
    {
        var fact = EvaluationDataset.FactOf(row);
        var correct = random.Chance(model.Quality);
        var answer = correct ? SupportFacts.Facts[fact].Answer : SupportFacts.Facts[(fact + 1 + random.Next(SupportFacts.Facts.Count - 1)) % SupportFacts.Facts.Count].Answer;
        var output = Json.Obj(("answer", Json.Str($"The {SupportFacts.Facts[fact].Topic} is {answer}.")));

        var precision = Ratio(correct ? random.NextUniform(0.75, 1.0) : random.NextUniform(0.0, 0.4));
        var recall = Ratio(correct ? random.NextUniform(0.8, 1.0) : random.NextUniform(0.0, 0.4));
        var f1 = precision + recall == 0 ? 0 : Ratio(2 * precision * recall / (precision + recall));
        var rating = correct ? 3 + random.Next(3) : 1 + random.Next(3);

        return (output,
        [
            ("exact_match", Json.Obj(("correct", Json.Bool(correct)))),
            ("contains_answer", Json.Bool(correct || random.Chance(0.1))),
            ("f1", Json.Obj(("score", Json.Num(f1)), ("details", Json.Obj(("f1", Json.Num(f1)), ("precision", Json.Num(precision)), ("recall", Json.Num(recall)))))),
            ("llm_judge", Json.Obj(
                ("helpful", Json.Bool(random.Chance(correct ? 0.9 : 0.2))),
                ("rating", Json.Num(rating)),
                ("reasoning", Json.Str(random.PickOne(correct ? GoodReasons : BadReasons))))),
        ]);
    }

    private static double Ratio(double value) => Math.Round(value, 3);
}
