using System.Text.Json.Serialization;

namespace InferenceGrpc.FunctionalTests.Conformance;

/// <summary>One line of a peer script's output: a case it ran against our server and how it went.</summary>
public sealed record PeerCaseResult(
    [property: JsonPropertyName("peer")] string Peer,
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("detail")] string? Detail);
