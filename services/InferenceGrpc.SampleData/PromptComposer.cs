using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Builds an inference input as TensorZero's StoredInput: {"system": ..., "messages": [{"role",
/// "content": [{"type": "text", "text": ...}]}]}. Later turns of a conversation carry the
/// previous exchange, so inputs have one or three messages.
/// </summary>
internal static class PromptComposer
{
    public static Value BuildInput(FunctionSpec function, Scenario scenario, bool withHistory, out int characters)
    {
        var userText = UserText(function, scenario);
        var messages = new List<Value>(3);
        characters = function.SystemPrompt.Length + userText.Length;
        if (withHistory)
        {
            var opening = $"Hi, I have a question about the {scenario.Noun}.";
            var reply = $"Sure, happy to help with the {scenario.Noun}. What do you need?";
            messages.Add(Message("user", opening));
            messages.Add(Message("assistant", reply));
            characters += opening.Length + reply.Length;
        }

        messages.Add(Message("user", userText));
        return Json.Obj(("system", Json.Str(function.SystemPrompt)), ("messages", Json.List([.. messages])));
    }

    public static string UserText(FunctionSpec function, Scenario s)
    {
        var text = function.Kind switch
        {
            FunctionKind.AnswerQuestion => SupportFacts.Question(s.FactIndex, s.QuestionTemplate),
            FunctionKind.Summarize =>
                $"Summarize this note: The {s.Adjective} {s.Noun} for {s.Company} in {s.City} is behind schedule. " +
                $"{s.Person} asked us to {s.Verb} the {s.OtherNoun} by {s.Day}, and the team agreed to share an update afterwards.",
            FunctionKind.ClassifyTicket =>
                $"Ticket from {s.Company}: " + string.Format(CultureInfo.InvariantCulture, s.Ticket.Complaint, s.Noun) +
                (s.Ticket.Priority == "urgent" ? " This is blocking our whole team!" : ""),
            FunctionKind.DraftEmail => $"Draft an email to {s.Person} at {s.Company} asking them to {s.Verb} the {s.Adjective} {s.Noun} by {s.Day}.",
            FunctionKind.ExtractEntities => $"{s.Person} from {s.Company} will visit {s.City} on {s.Day} to {s.Verb} the {s.Noun}.",
            FunctionKind.Translate => $"Translate to {s.Language}: Please {s.Verb} the {s.Adjective} {s.Noun} before {s.Day}.",
            FunctionKind.CodeReview => $"Review this {s.CodeLanguage} function:\n```\n{CodeSnippet(s)}\n```",
            FunctionKind.WriteHaiku => $"Write a haiku about {s.HaikuTopic}.",
            _ => $"The {s.Adjective} {s.Noun} guide for {s.Company}: how to {s.Verb} the {s.OtherNoun} in {s.City}.",
        };

        return s.RareWord is null ? text : $"{text} (Reference: project {s.RareWord}.)";
    }

    private static Value Message(string role, string text) =>
        Json.Obj(("role", Json.Str(role)), ("content", Json.List(Json.TextBlock(text))));

    /// <summary>A short function with an off-by-one bug, so reviews have something to find.</summary>
    private static string CodeSnippet(Scenario s) => s.CodeLanguage == "Python"
        ? $"def {s.Verb}_{s.Noun}(items):\n    total = 0\n    for i in range(len(items) + 1):\n        total += fetch(items[i])\n    return total"
        : $"function {s.Verb}_{s.Noun}(items) {{\n    let total = 0;\n    for (let i = 0; i <= items.length; i++) {{\n        total += fetch(items[i]);\n    }}\n    return total;\n}}";
}
