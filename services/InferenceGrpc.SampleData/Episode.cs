namespace InferenceGrpc.SampleData;

/// <summary>
/// A multi-step task (TensorZero episode) by one subject: its inferences share the subject,
/// tags and, for conversations, a session (Galtea session, TrueFoundry conversation) with turn
/// indexes. Quality is summed so episode-level feedback can follow how the steps went.
/// </summary>
internal sealed class Episode(Guid id, Subject subject, int length, int primaryFunction, IReadOnlyList<KeyValuePair<string, string>> tags)
{
    public Guid Id { get; } = id;

    public Subject Subject { get; } = subject;

    public int PrimaryFunction { get; } = primaryFunction;

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; } = tags;

    /// <summary>The session id, for conversations; null for other episodes.</summary>
    public string? SessionId { get; init; }

    /// <summary>The end user served (Galtea userId), for conversations.</summary>
    public string? UserId { get; init; }

    /// <summary>Set when a conversation simulator produced the session (Galtea).</summary>
    public string? SimulatorVersion { get; init; }

    public int Remaining { get; private set; } = length;

    public int Steps { get; private set; }

    public double QualitySum { get; private set; }

    public long LastTimeMs { get; private set; }

    public bool IsComplete => Remaining == 0;

    /// <summary>The session id of a conversation episode, derived from the episode id.</summary>
    public static string SessionIdOf(Guid episodeId) => "sess_" + episodeId.ToString("N");

    /// <summary>Records one step and returns its turn index.</summary>
    public int Advance(double quality, long timeMs)
    {
        Remaining--;
        QualitySum += quality;
        LastTimeMs = timeMs;
        return Steps++;
    }
}
