namespace InferenceGrpc.SampleData;

/// <summary>
/// The product facts that questions ask about: answer_question prompts and the evaluation
/// dataset share them, so both read like the same support bot.
/// </summary>
internal static class SupportFacts
{
    public static readonly IReadOnlyList<(string Topic, string Answer)> Facts =
    [
        ("refund window", "30 days"),
        ("support hours", "9am to 6pm CET on weekdays"),
        ("API rate limit", "600 requests per minute"),
        ("maximum upload size", "25 MB"),
        ("data retention period", "90 days"),
        ("free trial length", "14 days"),
        ("list of SSO providers", "Okta, Azure AD and Google Workspace"),
        ("minimum password length", "12 characters"),
        ("uptime SLA", "99.9 percent"),
        ("invoice payment term", "net 30"),
    ];

    public static readonly IReadOnlyList<string> QuestionTemplates =
    [
        "What is the {0}?",
        "Can you tell me the {0}?",
        "Quick question: what's the {0}?",
        "I need the {0} for our enterprise plan.",
        "Remind me, what is the current {0}?",
    ];

    public static string Question(int factIndex, int templateIndex) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, QuestionTemplates[templateIndex], Facts[factIndex].Topic);
}
