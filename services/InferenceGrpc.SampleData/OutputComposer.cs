using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Builds outputs in TensorZero's shapes: chat content blocks ([{"type": "text", ...}], some
/// with a tool_call block) and json {"raw": "...", "parsed": {...}}. Lower quality gives wrong
/// answers more often, so feedback and outputs tell the same story.
/// </summary>
internal static class OutputComposer
{
    private const double ToolCallShare = 0.2;
    private const double MalformedJsonShare = 0.02;

    private static readonly Dictionary<string, string> TranslationIntros = new(StringComparer.Ordinal)
    {
        ["French"] = "Traduction :", ["German"] = "Übersetzung:", ["Spanish"] = "Traducción:",
        ["Japanese"] = "翻訳:", ["Portuguese"] = "Tradução:", ["Italian"] = "Traduzione:",
    };

    private static readonly string[] HaikuMiddles = ["the {0} waits in silence", "a {1} {0} drifts away", "someone renames the {0}", "the {0} hums all night"];
    private static readonly string[] HaikuEnds = ["and then it is gone", "nobody replies", "the build turns green", "tea is growing cold"];

    public static Value Build(FunctionSpec function, Scenario scenario, double quality, Random random) => function.Type == FunctionType.Json
        ? JsonOutput(Parsed(function, scenario, quality, random), random)
        : ChatOutput(function, scenario, quality, random);

    private static Value ChatOutput(FunctionSpec function, Scenario s, double quality, Random random)
    {
        if (function.ToolName is { } tool && random.Chance(ToolCallShare))
        {
            var arguments = function.Kind == FunctionKind.AnswerQuestion
                ? Json.Obj(("query", Json.Str(SupportFacts.Facts[s.FactIndex].Topic)))
                : Json.Obj(("name", Json.Str(s.Person)), ("company", Json.Str(s.Company)));
            return Json.List(Json.TextBlock("Let me look that up first."), ToolCall(tool, arguments, random));
        }

        return Json.List(Json.TextBlock(ChatText(function, s, quality, random)));
    }

    private static string ChatText(FunctionSpec function, Scenario s, double quality, Random random)
    {
        var firstName = s.Person.Split(' ')[0];
        return function.Kind switch
        {
            FunctionKind.AnswerQuestion => random.Chance(quality)
                ? $"The {SupportFacts.Facts[s.FactIndex].Topic} is {SupportFacts.Facts[s.FactIndex].Answer} [doc-{s.FactIndex + 1}]."
                : $"I believe the {SupportFacts.Facts[s.FactIndex].Topic} is {random.PickOne(SupportFacts.Facts).Answer}, but please check the documentation.",
            FunctionKind.Summarize => $"The {s.Noun} for {s.Company} in {s.City} is behind schedule. {s.Person} asked the team to {s.Verb} the {s.OtherNoun} by {s.Day}; an update will follow.",
            FunctionKind.DraftEmail => $"Subject: {s.Adjective} {s.Noun}\n\nHi {firstName},\n\nCould you {s.Verb} the {s.Adjective} {s.Noun} by {s.Day}? Happy to help if anything is unclear.\n\nBest regards",
            FunctionKind.Translate => $"{TranslationIntros[s.Language]} « {s.Verb} · {s.Adjective} {s.Noun} · {s.Day} »",
            FunctionKind.CodeReview => $"Two issues: 1) the loop runs one step past the end of the list; 2) {random.PickOne(WordLists.ReviewFindings)}. Otherwise the {s.CodeLanguage} looks fine.",
            FunctionKind.WriteHaiku => string.Join('\n', Capitalize(s.HaikuTopic) + " at dawn", string.Format(CultureInfo.InvariantCulture, random.PickOne(HaikuMiddles), s.Noun, s.Adjective), random.PickOne(HaikuEnds)),
            _ => $"Done: the {s.Noun} is handled.",
        };
    }

    private static Value Parsed(FunctionSpec function, Scenario s, double quality, Random random)
    {
        if (function.Kind == FunctionKind.ExtractEntities)
        {
            var complete = random.Chance(quality);
            return Json.Obj(
                ("people", Json.Strings([s.Person])),
                ("organizations", Json.Strings([s.Company])),
                ("locations", Json.Strings(complete ? [s.City] : [])));
        }

        var right = random.Chance(quality);
        var category = right ? s.Ticket.Category : random.PickOne(TicketClass.CategoryNames);
        var confidence = Math.Round(Math.Clamp(quality + (0.15 * random.NextGaussian()), 0.3, 0.99), 2);
        return Json.Obj(("category", Json.Str(category)), ("priority", Json.Str(s.Ticket.Priority)), ("confidence", Json.Num(confidence)));
    }

    /// <summary>A few json answers are cut off mid-way: raw text kept, nothing parsed.</summary>
    private static Value JsonOutput(Value parsed, Random random)
    {
        var raw = CompactJson.Write(parsed);
        return random.Chance(MalformedJsonShare)
            ? Json.Obj(("raw", Json.Str(raw[..(raw.Length / 2)])), ("parsed", Json.Null()))
            : Json.Obj(("raw", Json.Str(raw)), ("parsed", parsed));
    }

    private static Value ToolCall(string name, Value arguments, Random random) => Json.Obj(
        ("type", Json.Str("tool_call")),
        ("id", Json.Str("call_" + random.NextAlphanumeric(24))),
        ("raw_name", Json.Str(name)),
        ("raw_arguments", Json.Str(CompactJson.Write(arguments))),
        ("name", Json.Str(name)),
        ("arguments", arguments));

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
