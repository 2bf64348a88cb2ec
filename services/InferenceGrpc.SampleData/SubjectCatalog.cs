using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// The 200 users, 10 virtual accounts and 12 teams of the sample organization. The catalog is
/// the same for every seed (it uses its own fixed seed), so tests and demos can name a user or
/// team; the run's seed only decides who sends what and when.
/// </summary>
internal static class SubjectCatalog
{
    private const int CatalogSeed = 20_260_101;
    private const double VirtualAccountShare = 0.25;

    public static readonly IReadOnlyList<string> Teams =
    [
        "support-ai", "search", "platform", "growth", "data-science", "mobile",
        "billing", "security", "ml-infra", "docs", "sales-eng", "research",
    ];

    private static readonly string[] FirstNames =
    [
        "ada", "alan", "grace", "linus", "margaret", "dennis", "barbara", "ken", "frances", "edsger",
        "radia", "tim", "katherine", "guido", "hedy", "john", "sophie", "bjarne", "annie", "donald",
    ];

    private static readonly string[] LastNames = ["lovelace", "turing", "hopper", "torvalds", "hamilton", "ritchie", "liskov", "thompson", "allen", "knuth"];

    private static readonly string[] Domains = ["acme.io", "acme-labs.com", "contoso.dev"];

    private static readonly string[] VirtualAccountNames =
    [
        "svc-support-bot", "svc-nightly-summarizer", "svc-ticket-router", "ci-eval-runner", "svc-search-indexer",
        "svc-email-drafter", "svc-translation-batch", "svc-code-review-bot", "svc-analytics-etl", "svc-onboarding-agent",
    ];

    public static readonly IReadOnlyList<Subject> Users = BuildUsers();

    public static readonly IReadOnlyList<Subject> VirtualAccounts = BuildVirtualAccounts();

    private static readonly WeightedPicker UserPicker = WeightedPicker.Zipf(Users.Count, 1.05);
    private static readonly WeightedPicker VirtualAccountPicker = WeightedPicker.Zipf(VirtualAccounts.Count, 0.8);

    public static Subject Pick(Random random) => random.Chance(VirtualAccountShare)
        ? VirtualAccounts[VirtualAccountPicker.Pick(random)]
        : Users[UserPicker.Pick(random)];

    private static Subject[] BuildUsers()
    {
        var random = new Random(CatalogSeed);
        var users = new Subject[FirstNames.Length * LastNames.Length];
        for (var i = 0; i < users.Length; i++)
        {
            var email = $"{FirstNames[i % FirstNames.Length]}.{LastNames[i / FirstNames.Length]}@{Domains[i % Domains.Length]}";
            users[i] = new Subject(email, SubjectType.User, PickTeams(random));
        }

        return users;
    }

    private static Subject[] BuildVirtualAccounts()
    {
        var random = new Random(CatalogSeed + 1);
        return VirtualAccountNames.Select(name => new Subject(name, SubjectType.VirtualAccount, PickTeams(random))).ToArray();
    }

    /// <summary>One to three distinct teams; the first teams are the biggest.</summary>
    private static string[] PickTeams(Random random)
    {
        var picker = WeightedPicker.Zipf(Teams.Count, 0.7);
        var count = 1 + (random.Chance(0.35) ? 1 : 0) + (random.Chance(0.15) ? 1 : 0);
        var teams = new List<string>(count);
        while (teams.Count < count)
        {
            var team = Teams[picker.Pick(random)];
            if (!teams.Contains(team))
            {
                teams.Add(team);
            }
        }

        return [.. teams];
    }
}
