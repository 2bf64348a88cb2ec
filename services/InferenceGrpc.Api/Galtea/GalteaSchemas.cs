using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// The OpenAPI schemas of Galtea's JSON (api-compat-spec 2.4, 2.5): a bare array of camelCase
/// InferenceResult objects whose optional fields are written as explicit nulls, errors as
/// {"error", "message"}. Index, status and createdAt are null when the record has none. The
/// request is the query string, described from the descriptors.
/// </summary>
internal static class GalteaSchemas
{
    private const string InferenceResults = """
        {"type": "array", "items": {"type": "object",
         "required": ["id", "sessionId", "userId", "index", "status", "input", "actualOutput", "retrievalContext", "latency", "inputTokens", "outputTokens", "cacheReadInputTokens", "tokens", "costPerInputToken", "costPerOutputToken", "costPerCacheReadInputToken", "cost", "creditsUsed", "conversationSimulatorVersion", "traceId", "createdAt", "deletedAt"],
         "properties": {
           "id": {"type": "string"},
           "sessionId": {"type": "string"},
           "userId": {"type": "string", "nullable": true},
           "index": {"type": "integer", "nullable": true},
           "status": {"type": "string", "enum": ["PENDING", "GENERATED", "FAILED"], "nullable": true},
           "input": {"type": "object", "additionalProperties": true},
           "actualOutput": {"type": "string", "nullable": true},
           "retrievalContext": {"type": "string", "nullable": true},
           "latency": {"type": "number", "nullable": true, "description": "Milliseconds; an integer when integral."},
           "inputTokens": {"type": "integer", "nullable": true},
           "outputTokens": {"type": "integer", "nullable": true},
           "cacheReadInputTokens": {"type": "integer", "nullable": true},
           "tokens": {"type": "integer", "nullable": true},
           "costPerInputToken": {"type": "number", "nullable": true},
           "costPerOutputToken": {"type": "number", "nullable": true},
           "costPerCacheReadInputToken": {"type": "number", "nullable": true},
           "cost": {"type": "number", "nullable": true},
           "creditsUsed": {"type": "integer", "nullable": true},
           "conversationSimulatorVersion": {"type": "string", "nullable": true},
           "traceId": {"type": "string", "nullable": true},
           "createdAt": {"type": "string", "format": "date-time", "nullable": true, "description": "null only for a record stored without a time."},
           "deletedAt": {"type": "string", "format": "date-time", "nullable": true}
         }}}
        """;

    private const string Error = """
        {"type": "object", "required": ["error", "message"], "properties": {"error": {"type": "string"}, "message": {"type": "string"}}}
        """;

    /// <summary>Both methods answer with the array: the list once, the stream once per NDJSON line.</summary>
    public static JsonShapeSchemas For() => new(null, SchemaJson.Parse(InferenceResults), SchemaJson.Parse(Error));
}
