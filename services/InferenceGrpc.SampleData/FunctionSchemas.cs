using Google.Protobuf.WellKnownTypes;

namespace InferenceGrpc.SampleData;

/// <summary>
/// The JSON schemas of the json functions and the tool parameters of the tool-using ones, as
/// TensorZero stores them with each inference. Built once: every inference shares the value.
/// </summary>
internal static class FunctionSchemas
{
    private static readonly Value EntitiesSchema = ObjectSchema(
        ("people", StringArray()), ("organizations", StringArray()), ("locations", StringArray()));

    private static readonly Value TicketSchema = ObjectSchema(
        ("category", Json.Obj(("type", Json.Str("string")), ("enum", Json.Strings(TicketClass.CategoryNames)))),
        ("priority", Json.Obj(("type", Json.Str("string")), ("enum", Json.Strings(["low", "medium", "high", "urgent"])))),
        ("confidence", Json.Obj(("type", Json.Str("number")), ("minimum", Json.Num(0)), ("maximum", Json.Num(1)))));

    /// <summary>The output schema, or null for chat functions.</summary>
    public static Value? OutputSchema(FunctionKind kind) => kind switch
    {
        FunctionKind.ExtractEntities => EntitiesSchema,
        FunctionKind.ClassifyTicket => TicketSchema,
        _ => null,
    };

    /// <summary>TensorZero's dynamic tool parameters for a function that may call a tool.</summary>
    public static Value ToolParams(string toolName) => Json.Obj(
        ("allowed_tools", Json.Strings([toolName])),
        ("tool_choice", Json.Str("auto")),
        ("parallel_tool_calls", Json.Bool(false)),
        ("provider_tools", Json.List()));

    private static Value StringArray() => Json.Obj(("type", Json.Str("array")), ("items", Json.Obj(("type", Json.Str("string")))));

    private static Value ObjectSchema(params (string Name, Value Schema)[] properties) => Json.Obj(
        ("type", Json.Str("object")),
        ("properties", Json.Obj(properties)),
        ("required", Json.Strings(properties.Select(p => p.Name))),
        ("additionalProperties", Json.Bool(false)));
}
