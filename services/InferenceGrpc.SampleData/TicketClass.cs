namespace InferenceGrpc.SampleData;

/// <summary>
/// The true class of a support ticket: the prompt describes it and classify_ticket answers it
/// (mostly right), so the json output is consistent with the input.
/// </summary>
internal sealed record TicketClass(string Category, string Priority, string Complaint)
{
    private static readonly (string Category, string Complaint)[] Categories =
    [
        ("billing", "I was charged twice for my {0} this month."),
        ("bug", "The {0} page crashes when I click save."),
        ("account", "I cannot log in to my account since the {0} change."),
        ("feature_request", "It would be great if the {0} could export to CSV."),
        ("outage", "Nothing loads, the {0} has been down for an hour."),
        ("other", "Who do I talk to about the {0}?"),
    ];

    private static readonly string[] Priorities = ["low", "medium", "high", "urgent"];
    private static readonly WeightedPicker CategoryPicker = WeightedPicker.Zipf(Categories.Length, 0.8);
    private static readonly WeightedPicker PriorityPicker = new([0.3, 0.4, 0.22, 0.08]);

    public static IReadOnlyList<string> CategoryNames { get; } = Categories.Select(c => c.Category).ToArray();

    public static TicketClass Draw(Random random)
    {
        var (category, complaint) = Categories[CategoryPicker.Pick(random)];
        return new TicketClass(category, Priorities[PriorityPicker.Pick(random)], complaint);
    }
}
