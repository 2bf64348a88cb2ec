namespace InferenceGrpc.Api.Queries;

/// <summary>Where the next page starts: after the id <see cref="Before"/> (newest-first keyset paging), or at an offset.</summary>
public readonly record struct PageCursor(Guid? Before, long Offset);
