using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// The OpenAPI schemas of TrueFoundry's metrics query (api-compat-spec 4.2, 4.4, 4.5): camelCase
/// names; data points have keys made from the request (aggregation and groupBy keys), so they
/// are described with additionalProperties. Errors are our {"status", "message", "code"}.
/// </summary>
internal static class TrueFoundrySchemas
{
    private const string Request = """
        {"type": "object", "required": ["startTs", "endTs", "datasource", "type"], "properties": {
          "startTs": {"type": "string", "format": "date-time", "description": "Inclusive."},
          "endTs": {"type": "string", "format": "date-time", "description": "Exclusive."},
          "datasource": {"type": "string", "enum": ["modelMetrics"]},
          "type": {"type": "string", "enum": ["distribution", "timeseries"]},
          "interval": {"type": "string", "description": "\"<positive integer> <unit>\", required for timeseries."},
          "intervalInSeconds": {"type": "integer", "deprecated": true},
          "aggregations": {"type": "array", "items": {"type": "object", "required": ["type", "column"], "properties": {
            "type": {"type": "string"}, "column": {"type": "string"}}}},
          "groupBy": {"type": "array", "items": {"type": "string"}},
          "filters": {"type": "array", "items": {"type": "object", "properties": {
            "fieldName": {"type": "string"}, "metadataKey": {"type": "string"}, "operator": {"type": "string"}, "value": {}}}}}}
        """;

    private const string DataPoints = """
        {"type": "array", "items": {"type": "object", "required": ["total"],
          "description": "Also one number per aggregation (<type><Column>) and one value, possibly null, per groupBy key.",
          "properties": {
            "startTimestamp": {"type": "string", "format": "date-time", "description": "Timeseries only."},
            "endTimestamp": {"type": "string", "format": "date-time", "description": "Timeseries only."},
            "total": {"type": "integer"}},
          "additionalProperties": {"nullable": true}}}
        """;

    private const string Error = """
        {"type": "object", "required": ["status", "message", "code"], "properties": {
          "status": {"type": "integer"}, "message": {"type": "string"}, "code": {"type": "string"}}}
        """;

    private const string Reply = """
        {"type": "object", "required": ["data"], "properties": {
          "data": {"type": "object", "required": ["dataPoints"], "properties": {"dataPoints": "@DataPoints"}}}}
        """;

    /// <summary>The stream, our extension, wraps the query as {"query", "pageSize"} and writes a reply per NDJSON line.</summary>
    public static JsonShapeSchemas For(bool stream) => new(
        stream
            ? SchemaJson.WithPageSize(SchemaJson.Parse("""{"type": "object", "required": ["query"], "properties": {"query": "@Request"}}""", ("Request", Request)), "pageSize")
            : SchemaJson.Parse(Request),
        SchemaJson.Parse(Reply, ("DataPoints", DataPoints)),
        SchemaJson.Parse(Error));
}
