namespace InferenceGrpc.SampleData;

/// <summary>
/// The small vocabularies prompts and outputs are built from. Lists are ordered most common
/// first and drawn with a Zipf weighting, so full-text search finds both frequent and rare
/// words. A few distinctive words (<see cref="RareWords"/>) appear in a known small share of
/// inputs, for search tests that need a selective term.
/// </summary>
internal static class WordLists
{
    public static readonly IReadOnlyList<string> Nouns =
    [
        "order", "account", "invoice", "report", "meeting", "project", "customer", "payment", "release", "server",
        "database", "dashboard", "contract", "schedule", "budget", "feature", "deadline", "shipment", "refund", "password",
        "subscription", "integration", "roadmap", "forecast", "campaign", "ticket", "workflow", "backup", "license", "migration",
        "onboarding", "audit", "prototype", "warehouse", "newsletter", "survey", "benchmark", "pipeline", "keynote", "quota",
    ];

    public static readonly IReadOnlyList<string> Adjectives =
    [
        "new", "urgent", "quarterly", "late", "broken", "detailed", "annual", "missing", "secure", "updated",
        "draft", "final", "shared", "critical", "pending", "internal", "duplicate", "expired", "regional", "experimental",
    ];

    public static readonly IReadOnlyList<string> Verbs =
    [
        "review", "update", "cancel", "approve", "schedule", "migrate", "fix", "deploy", "renew", "archive",
        "escalate", "summarize", "verify", "refund", "reconcile", "prioritize",
    ];

    public static readonly IReadOnlyList<string> People =
    [
        "Maria Garcia", "Wei Chen", "James Smith", "Aisha Khan", "Lukas Müller", "Yuki Tanaka", "Olivia Brown",
        "Mateo Rossi", "Priya Patel", "Noah Johnson", "Fatima Ali", "Sven Larsen",
    ];

    public static readonly IReadOnlyList<string> Companies =
    [
        "Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Industries",
    ];

    public static readonly IReadOnlyList<string> Cities = ["Berlin", "Lisbon", "Tokyo", "Austin", "Nairobi", "Toronto", "Madrid", "Seoul", "Sydney", "Oslo"];

    public static readonly IReadOnlyList<string> Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "end of day", "next week", "the end of the month"];

    public static readonly IReadOnlyList<string> HaikuTopics =
    [
        "autumn rain", "morning coffee", "city lights", "falling snow", "ocean waves", "cherry blossoms",
        "an old pond", "desert wind", "a quiet library", "mountain river", "the night shift", "a broken build",
    ];

    public static readonly IReadOnlyList<string> Languages = ["French", "German", "Spanish", "Japanese", "Portuguese", "Italian"];

    public static readonly IReadOnlyList<string> CodeLanguages = ["Python", "TypeScript", "C#", "Go", "Java", "Rust"];

    public static readonly IReadOnlyList<string> ReviewFindings =
    [
        "the loop re-reads the file on every iteration", "the SQL string is built by concatenation, use parameters",
        "the error is swallowed without logging", "the function has no test for the empty input",
        "the variable name 'tmp2' hides its meaning", "the lock is held while calling the network",
        "the retry has no backoff", "the null check happens after the dereference",
    ];

    public static readonly IReadOnlyList<string> Comments =
    [
        "The answer ignored the second question.", "Great summary, exactly what I needed.", "Tone is too formal for this customer.",
        "Wrong currency in the invoice total.", "Hallucinated a policy that does not exist.", "Please keep emails under 100 words.",
        "Correct, but it took far too long.", "The JSON was missing the priority field.", "Translation lost the product name.",
        "Nice catch on the SQL injection.", "Cited the wrong document.", "Would ship this as is.",
    ];

    /// <summary>Distinctive search terms and the share of inputs each appears in.</summary>
    public static readonly IReadOnlyList<(string Word, double Share)> RareWords =
    [
        ("zebra", 0.001), ("quasar", 0.0005), ("marmalade", 0.003), ("fjord", 0.0015),
    ];
}
