using System.Globalization;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// The episodes in progress. Each inference either continues an open episode or starts one of
/// 1 to 6 steps, so episodes interleave as concurrent users do. The pool is capped, which
/// keeps memory flat however many inferences are generated.
/// </summary>
internal sealed class EpisodePool(Random random, SeededUuid7Factory ids)
{
    private const int MaxOpen = 12;
    private const double ContinueShare = 0.6;
    private const int EndUsers = 2_000;

    private static readonly WeightedPicker LengthPicker = new([0.35, 0.2, 0.15, 0.12, 0.1, 0.08]);
    private static readonly WeightedPicker EndUserPicker = WeightedPicker.Zipf(EndUsers, 0.9);
    private static readonly string[] SimulatorVersions = ["1.4.2", "1.5.0"];

    private readonly List<Episode> _open = new(MaxOpen);

    public Episode Next(long timeMs)
    {
        if (_open.Count >= MaxOpen || (_open.Count > 0 && random.Chance(ContinueShare)))
        {
            return _open[random.Next(_open.Count)];
        }

        var episode = Start(timeMs);
        _open.Add(episode);
        return episode;
    }

    /// <summary>Forgets an episode whose last step was generated.</summary>
    public void Close(Episode episode) => _open.Remove(episode);

    private Episode Start(long timeMs)
    {
        var id = ids.Next(timeMs);
        var subject = SubjectCatalog.Pick(random);
        var isService = subject.Type == SubjectType.VirtualAccount;
        var length = 1 + LengthPicker.Pick(random);
        var function = FunctionCatalog.PickGenerativeIndex(random);
        var tags = TagComposer.Draw(random, subject);
        if (!random.Chance(isService ? 0.15 : 0.4))
        {
            return new Episode(id, subject, length, function, tags);
        }

        // Conversations: simulated ones come from service accounts, real ones from users.
        return new Episode(id, subject, length, function, tags)
        {
            SessionId = Episode.SessionIdOf(id),
            UserId = "user_" + (1 + EndUserPicker.Pick(random)).ToString("D5", CultureInfo.InvariantCulture),
            SimulatorVersion = isService && random.Chance(0.8) ? random.PickOne(SimulatorVersions) : null,
        };
    }
}
