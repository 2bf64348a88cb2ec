using InferenceGrpc.Storage;

namespace InferenceGrpc.SampleData;

/// <summary>
/// What to generate. The same options always give byte-identical records; records carry no
/// project, so one data set can be written to any project.
/// </summary>
public sealed record SampleDataOptions
{
    /// <summary>The default window end: a fixed instant, never the clock, so runs repeat.</summary>
    public static readonly DateTimeOffset DefaultWindowEnd = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Exactly how many inferences to generate. Defaults to 100,000.</summary>
    public int InferenceCount { get; init; } = 100_000;

    /// <summary>Seeds all randomness of the traffic. Defaults to 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// The end of the time window, exclusive, and the "now" of the data set: no record is
    /// later. Defaults to 2026-01-01T00:00:00Z.
    /// </summary>
    public DateTimeOffset WindowEnd { get; init; } = DefaultWindowEnd;

    /// <summary>How far back from <see cref="WindowEnd"/> inferences start. Defaults to 30 days; at least an hour.</summary>
    public TimeSpan WindowLength { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Records per batch, at most <see cref="RecordValidator.MaxBatchSize"/>. Defaults to 5,000.</summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>The start of the window, inclusive.</summary>
    public DateTimeOffset WindowStart => WindowEnd - WindowLength;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(InferenceCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BatchSize, RecordValidator.MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowLength, TimeSpan.FromHours(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowStart, DateTimeOffset.UnixEpoch);
    }
}
