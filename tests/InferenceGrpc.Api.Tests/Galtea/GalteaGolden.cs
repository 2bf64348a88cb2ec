namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>
/// The exact Galtea JSON expected for each result of <see cref="GalteaDataSet"/>, written out by
/// hand from api-compat-spec 2.4 (never produced by the code under test): keys in the documented
/// order, explicit nulls, whole numbers without a fraction, decimals as JavaScript writes them.
/// </summary>
internal static class GalteaGolden
{
    public const string R1 = """{"id":"ir_001","sessionId":"s1","userId":"u1","index":0,"status":"GENERATED","input":{"user_message":"Hello"},"actualOutput":"Hi there","retrievalContext":"Paris is in France.","latency":150,"inputTokens":10,"outputTokens":20,"cacheReadInputTokens":0,"tokens":30,"costPerInputToken":0.0000025,"costPerOutputToken":0.00001,"costPerCacheReadInputToken":0.00000125,"cost":0.000225,"creditsUsed":1,"conversationSimulatorVersion":"1.2.0","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","createdAt":"2025-06-01T10:00:00.000Z","deletedAt":null}""";

    public const string R2 = """{"id":"ir_002","sessionId":"s1","userId":null,"index":1,"status":"PENDING","input":{"user_message":"Tell me more","lang":"en"},"actualOutput":null,"retrievalContext":null,"latency":150.5,"inputTokens":null,"outputTokens":null,"cacheReadInputTokens":null,"tokens":null,"costPerInputToken":null,"costPerOutputToken":null,"costPerCacheReadInputToken":null,"cost":null,"creditsUsed":null,"conversationSimulatorVersion":null,"traceId":null,"createdAt":"2025-06-01T10:00:01.000Z","deletedAt":null}""";

    public const string R3 = """{"id":"ir_003","sessionId":"s2","userId":null,"index":0,"status":"FAILED","input":{"user_message":"Why?"},"actualOutput":"AB","retrievalContext":null,"latency":null,"inputTokens":null,"outputTokens":null,"cacheReadInputTokens":null,"tokens":null,"costPerInputToken":null,"costPerOutputToken":null,"costPerCacheReadInputToken":null,"cost":1e-7,"creditsUsed":null,"conversationSimulatorVersion":null,"traceId":null,"createdAt":"2025-06-01T10:00:02.000Z","deletedAt":null}""";

    public const string R4 = """{"id":"ir_004","sessionId":"s2","userId":null,"index":1,"status":null,"input":{"user_message":"Why not?"},"actualOutput":"{\"a\":1}","retrievalContext":null,"latency":null,"inputTokens":null,"outputTokens":null,"cacheReadInputTokens":null,"tokens":null,"costPerInputToken":null,"costPerOutputToken":null,"costPerCacheReadInputToken":null,"cost":null,"creditsUsed":null,"conversationSimulatorVersion":null,"traceId":null,"createdAt":"2025-06-01T10:00:02.000Z","deletedAt":null}""";

    /// <summary>R6 has no Galtea id, session, index or status: our id, an empty session, nulls.</summary>
    public const string R6 = $$"""{"id":"{{GalteaDataSet.R6Id}}","sessionId":"","userId":null,"index":null,"status":null,"input":{"messages":[{"role":"user","content":"Hi"}],"temperature":0.5,"n":3},"actualOutput":null,"retrievalContext":null,"latency":null,"inputTokens":null,"outputTokens":null,"cacheReadInputTokens":null,"tokens":null,"costPerInputToken":null,"costPerOutputToken":null,"costPerCacheReadInputToken":null,"cost":null,"creditsUsed":null,"conversationSimulatorVersion":null,"traceId":null,"createdAt":"2025-06-01T10:00:04.250Z","deletedAt":null}""";

    /// <summary>A whole reply: the bare array of these results in this order.</summary>
    public static string Array(params string[] results) => "[" + string.Join(",", results) + "]";

    /// <summary>Galtea's error body.</summary>
    public static string Error(string error, string message) =>
        $$"""{"error":"{{error}}","message":"{{message.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""";
}
