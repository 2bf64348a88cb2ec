using System.Text.Json;

namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// The documented error body of one REST API, so a fuzzed reply can be checked against it.
/// <paramref name="StreamCode"/> reads the gRPC code an error line of an NDJSON stream carries,
/// when the shape has one.
/// </summary>
public sealed record ErrorShape(string Name, Func<JsonElement, bool> Matches, Func<JsonElement, int?> StreamCode)
{
    /// <summary>TensorZero (api-compat-spec 1.8): {"error": "message"}, maybe with "error_json".</summary>
    public static readonly ErrorShape TensorZero = new(
        "TensorZero {\"error\": string}",
        e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            && e.EnumerateObject().All(p => p.Name is "error" or "error_json"),
        _ => null);

    /// <summary>Our own REST routes: google.rpc.Status JSON {"code": n, "message": "...", "details": [...]}.</summary>
    public static readonly ErrorShape GoogleRpcStatus = new(
        "google.rpc.Status {\"code\": int, \"message\": string}",
        e => e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var n) && n is > 0 and <= 16
            && e.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String,
        e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("code", out var code) && code.TryGetInt32(out var n) ? n : null);

    /// <summary>Galtea (api-compat-spec 2.5): {"error": "short", "message": "text"}.</summary>
    public static readonly ErrorShape Galtea = new(
        "Galtea {\"error\": string, \"message\": string}",
        e => e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            && e.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String,
        _ => null);

    /// <summary>Weave (api-compat-spec 3.5): {"reason": "text"}, or FastAPI's {"detail": [...]} for a 422.</summary>
    public static readonly ErrorShape Weave = new(
        "Weave {\"reason\": string} or {\"detail\": [...]}",
        e => e.ValueKind == JsonValueKind.Object
            && ((e.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
                || (e.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Array)),
        _ => null);

    /// <summary>TrueFoundry (our documented choice, api-compat-spec 4.5): {"status": n, "message": "...", "code": "..."}.</summary>
    public static readonly ErrorShape TrueFoundry = new(
        "TrueFoundry {\"status\": int, \"message\": string, \"code\": string}",
        e => e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number
            && e.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            && e.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String,
        _ => null);
}
