using System.Text.Json.Nodes;
using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// The OpenAPI schemas of TensorZero's JSON (api-compat-spec 1.3, 1.4, 1.7, 1.8): snake_case
/// names, records tagged by "type", null-valued fields that are always written. Content blocks
/// and filter nodes are described by their tag only (the filter tree nests itself).
/// </summary>
internal static class TensorZeroSchemas
{
    private const string OutputSource = """{"type": "string", "enum": ["inference", "demonstration", "none"], "default": "inference"}""";

    private const string Filter = """
        {"type": "object", "required": ["type"], "additionalProperties": true,
         "properties": {"type": {"type": "string", "enum": ["float_metric", "boolean_metric", "tag", "time", "demonstration_feedback", "and", "or", "not"]}}}
        """;

    private const string ListRequest = """
        {"type": "object", "properties": {
        "function_name": {"type": "string"},
        "variant_name": {"type": "string"},
        "episode_id": {"type": "string", "format": "uuid"},
        "output_source": "@OutputSource",
        "limit": {"type": "integer", "minimum": 0, "default": 20},
        "offset": {"type": "integer", "minimum": 0},
        "before": {"type": "string", "format": "uuid"},
        "after": {"type": "string", "format": "uuid"},
        "filters": "@Filter",
        "filter": "@Filter",
        "order_by": {"type": "array", "items": {"type": "object", "properties": {"by": {"type": "string"}, "name": {"type": "string"}, "direction": {"type": "string", "enum": ["ascending", "descending"]}}}},
        "search_query_experimental": {"type": "string"},
        "page_token": {"type": "string", "description": "Our extension: the next_page_token of the previous page."},
        "include_total_count": {"type": "boolean", "description": "Our extension: adds total_count to the reply."}}}
        """;

    private const string StoredInference = """
        {"type": "object",
         "required": ["type", "function_name", "variant_name", "dispreferred_outputs", "timestamp", "episode_id", "inference_id", "tags", "inference_params", "processing_time_ms", "ttft_ms"],
         "properties": {
           "type": {"type": "string", "enum": ["chat", "json"]},
           "function_name": {"type": "string"},
           "variant_name": {"type": "string"},
           "input": {"type": "object", "properties": {"system": {}, "messages": {"type": "array", "items": {"type": "object"}}}},
           "output": {"description": "chat: an array of content blocks tagged by type; json: {raw, parsed}. Omitted when output_source is none."},
           "dispreferred_outputs": {"type": "array", "items": {}},
           "timestamp": {"type": "string", "format": "date-time"},
           "episode_id": {"type": "string", "format": "uuid"},
           "inference_id": {"type": "string", "format": "uuid"},
           "tags": {"type": "object", "additionalProperties": {"type": "string"}},
           "extra_body": {"type": "array", "items": {}},
           "inference_params": {"type": "object", "properties": {"chat_completion": {"type": "object", "additionalProperties": true}}},
           "processing_time_ms": {"type": "integer", "nullable": true},
           "ttft_ms": {"type": "integer", "nullable": true},
           "snapshot_hash": {"type": "string"},
           "allowed_tools": {"type": "array", "items": {"type": "string"}},
           "additional_tools": {"type": "array", "items": {"type": "object"}},
           "tool_choice": {},
           "parallel_tool_calls": {"type": "boolean"},
           "provider_tools": {"type": "array", "items": {}},
           "output_schema": {}
         }}
        """;

    private const string Page = """
        {"type": "object", "required": ["inferences"], "properties": {
          "inferences": {"type": "array", "items": "@StoredInference"},
          "next_page_token": {"type": "string"},
          "total_count": {"type": "integer"}}}
        """;

    private const string Error = """{"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}""";

    public static JsonShapeSchemas For(string methodFullName) => methodFullName switch
    {
        TensorZeroJsonShape.GetInferencesMethod => Schemas("""
            {"type": "object", "required": ["ids"], "properties": {
              "ids": {"type": "array", "items": {"type": "string", "format": "uuid"}},
              "function_name": {"type": "string"},
              "output_source": "@OutputSource"}}
            """),
        TensorZeroJsonShape.ListInferencesMethod => Schemas(ListRequest),
        _ => Schemas(ListRequest) with { Request = SchemaJson.WithPageSize(Parse(ListRequest), "page_size") },
    };

    private static JsonShapeSchemas Schemas(string request) => new(Parse(request), Parse(Page), Parse(Error));

    private static JsonObject Parse(string json) =>
        SchemaJson.Parse(json, ("OutputSource", OutputSource), ("Filter", Filter), ("StoredInference", StoredInference));
}
