using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// The OpenAPI schemas of Weave's eval_results JSON (api-compat-spec 3.2, 3.4, 3.5): snake_case
/// names, explicit nulls, scores and raw rows as any JSON, errors as pydantic's 422
/// {"detail": [...]} or {"reason"}. The stream takes the same body plus page_size.
/// </summary>
internal static class WeaveSchemas
{
    private const string Request = """
        {"type": "object", "properties": {
        "evaluation_call_ids": {"type": "array", "items": {"type": "string"}, "nullable": true},
        "evaluation_run_ids": {"type": "array", "items": {"type": "string"}, "nullable": true},
        "require_intersection": {"type": "boolean", "default": false},
        "include_raw_data_rows": {"type": "boolean", "default": false},
        "resolve_row_refs": {"type": "boolean", "default": false},
        "include_rows": {"type": "boolean", "default": true},
        "include_summary": {"type": "boolean", "default": false},
        "summary_require_intersection": {"type": "boolean", "nullable": true},
        "limit": {"type": "integer", "minimum": 0, "nullable": true},
        "offset": {"type": "integer", "default": 0},
        "include_predict_and_score_children": {"type": "boolean", "default": true},
        "include_costs": {"type": "boolean", "default": false},
        "sort_by": {"type": "array", "items": {"type": "object", "required": ["field"], "properties": {
          "field": {"type": "string"}, "direction": {"type": "string", "enum": ["asc", "desc"]},
          "evaluation_call_id": {"type": "string", "nullable": true}, "mode": {"type": "string", "enum": ["value", "difference"]}}}},
        "filters": {"type": "array", "items": {"type": "object", "required": ["query"], "properties": {
          "evaluation_call_id": {"type": "string", "nullable": true}, "query": {"type": "object", "additionalProperties": true}}}},
        "filter_logic_operator": {"type": "string", "enum": ["and", "or"], "default": "or"}}}
        """;

    private const string Trial = """
        {"type": "object", "properties": {
          "predict_and_score_call_id": {"type": "string"},
          "predict_call_id": {"type": "string", "nullable": true},
          "model_output": {},
          "scores": {"type": "object", "additionalProperties": true},
          "model_latency_seconds": {"type": "number", "nullable": true},
          "total_tokens": {"type": "integer", "nullable": true},
          "scorer_call_ids": {"type": "object", "additionalProperties": {"type": "string"}},
          "total_cost": {"type": "number", "nullable": true}}}
        """;

    private const string ScorerStats = """
        {"type": "object", "properties": {
          "scorer_key": {"type": "string"}, "path": {"type": "string", "nullable": true},
          "value_type": {"type": "string", "enum": ["binary", "continuous"]},
          "trial_count": {"type": "integer"}, "numeric_count": {"type": "integer"},
          "numeric_mean": {"type": "number", "nullable": true},
          "pass_true_count": {"type": "integer"}, "pass_known_count": {"type": "integer"},
          "pass_rate": {"type": "number", "nullable": true}, "pass_signal_coverage": {"type": "number", "nullable": true}}}
        """;

    private const string Response = """
        {"type": "object", "required": ["rows", "total_rows", "summary", "warnings"], "properties": {
          "rows": {"type": "array", "items": {"type": "object", "properties": {
            "row_digest": {"type": "string"},
            "raw_data_row": {"nullable": true},
            "evaluations": {"type": "array", "items": {"type": "object", "properties": {
              "evaluation_call_id": {"type": "string"}, "trials": {"type": "array", "items": "@Trial"}}}}}}},
          "total_rows": {"type": "integer"},
          "summary": {"type": "object", "nullable": true, "properties": {
            "row_count": {"type": "integer"},
            "evaluations": {"type": "array", "items": {"type": "object", "properties": {
              "evaluation_call_id": {"type": "string"}, "trial_count": {"type": "integer"},
              "scorer_stats": {"type": "array", "items": "@ScorerStats"},
              "evaluation_ref": {"type": "string", "nullable": true}, "model_ref": {"type": "string", "nullable": true},
              "display_name": {"type": "string", "nullable": true}, "trace_id": {"type": "string", "nullable": true},
              "started_at": {"type": "string", "format": "date-time", "nullable": true},
              "predict_total_cost": {"type": "number", "nullable": true}}}}}},
          "warnings": {"type": "array", "items": {"type": "string"}}}}
        """;

    private const string Error = """
        {"type": "object", "description": "422: {detail: [...]} from request validation; other errors: {reason}.", "properties": {
          "reason": {"type": "string"},
          "detail": {"type": "array", "items": {"type": "object", "properties": {
            "type": {"type": "string"}, "loc": {"type": "array", "items": {}}, "msg": {"type": "string"}, "input": {}}}}}}
        """;

    public static JsonShapeSchemas For(bool stream) => new(
        stream ? SchemaJson.WithPageSize(SchemaJson.Parse(Request), "page_size") : SchemaJson.Parse(Request),
        SchemaJson.Parse(Response, ("Trial", Trial), ("ScorerStats", ScorerStats)),
        SchemaJson.Parse(Error));
}
