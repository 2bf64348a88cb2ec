namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>A route that matched a request, with the field values its path bound.</summary>
public sealed record HttpRouteMatch(HttpRoute Route, IReadOnlyList<KeyValuePair<string, string>> PathValues);
