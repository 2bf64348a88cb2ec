namespace InferenceGrpc.Storage.Tests.Reference;

/// <summary>What the spec says a query returns: the page's ids in order, and the count of every match ignoring paging and cursors.</summary>
internal sealed record ReferenceResult(IReadOnlyList<Guid> Ids, long TotalCount);
