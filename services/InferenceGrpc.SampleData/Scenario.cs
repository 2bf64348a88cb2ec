namespace InferenceGrpc.SampleData;

/// <summary>
/// What one request is about, drawn once so the prompt and the output agree: an email to
/// Maria is answered by an email to Maria, and extracted entities are the ones in the text.
/// </summary>
internal sealed record Scenario(
    string Person,
    string Company,
    string City,
    string Noun,
    string OtherNoun,
    string Adjective,
    string Verb,
    string Day,
    int FactIndex,
    int QuestionTemplate,
    string HaikuTopic,
    string Language,
    string CodeLanguage,
    TicketClass Ticket,
    string? RareWord)
{
    private static readonly WeightedPicker NounPicker = WeightedPicker.Zipf(WordLists.Nouns.Count, 1.0);
    private static readonly WeightedPicker AdjectivePicker = WeightedPicker.Zipf(WordLists.Adjectives.Count, 0.8);
    private static readonly WeightedPicker VerbPicker = WeightedPicker.Zipf(WordLists.Verbs.Count, 0.8);
    private static readonly WeightedPicker FactPicker = WeightedPicker.Zipf(SupportFacts.Facts.Count, 1.1);
    private static readonly WeightedPicker CompanyPicker = WeightedPicker.Zipf(WordLists.Companies.Count, 0.9);

    public static Scenario Draw(Random random) => new(
        random.PickOne(WordLists.People),
        WordLists.Companies[CompanyPicker.Pick(random)],
        random.PickOne(WordLists.Cities),
        WordLists.Nouns[NounPicker.Pick(random)],
        WordLists.Nouns[NounPicker.Pick(random)],
        WordLists.Adjectives[AdjectivePicker.Pick(random)],
        WordLists.Verbs[VerbPicker.Pick(random)],
        random.PickOne(WordLists.Days),
        FactPicker.Pick(random),
        random.Next(SupportFacts.QuestionTemplates.Count),
        random.PickOne(WordLists.HaikuTopics),
        random.PickOne(WordLists.Languages),
        random.PickOne(WordLists.CodeLanguages),
        TicketClass.Draw(random),
        DrawRareWord(random));

    private static string? DrawRareWord(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (word, share) in WordLists.RareWords)
        {
            if (roll < share)
            {
                return word;
            }

            roll -= share;
        }

        return null;
    }
}
