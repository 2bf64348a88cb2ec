namespace InferenceGrpc.Api.Queries;

/// <summary>The paging of one request, as given: a limit, an offset when one was sent, and cursors.</summary>
internal readonly record struct Paging(int Limit, uint? Offset, string? Before, string? After);
