using System.Text.Json.Nodes;

namespace InferenceGrpc.Protocol.AspNetCore.OpenApi;

/// <summary>
/// OpenAPI 3.0 schema objects for one method of a custom JSON shape: the request body (null when
/// the route takes none), the reply (for a server stream: one NDJSON line) and the error body.
/// </summary>
public sealed record JsonShapeSchemas(JsonObject? Request, JsonObject Response, JsonObject Error);
