using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage;

/// <summary>
/// Reads the feedback stored about one target (an inference or an episode), scoped to the
/// tenant in the store itself. Every store returns the same feedback in the same order: newest
/// first by creation time to the millisecond (the precision the stores keep for ordering),
/// ties broken by the larger id, as <see cref="FeedbackOrder"/> defines.
/// </summary>
public interface IFeedbackReader
{
    /// <summary>At most <paramref name="limit"/> pieces of feedback whose target is <paramref name="targetId"/>, newest first.</summary>
    Task<IReadOnlyList<Feedback>> ReadByTargetAsync(TenantId tenant, Guid targetId, int limit, CancellationToken cancellationToken);
}
