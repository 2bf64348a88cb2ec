using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage;

/// <summary>
/// What a record's JSON values must be to be stored and read back. Nesting is counted as protobuf
/// parsers count: one level per message entered (a Value, a Struct, a map entry, a ListValue).
/// Parsers stop at 100 levels, so a value nested deeper than <see cref="MaxLevels"/> would be
/// stored but could not be read back, by the store or by clients receiving it inside a response,
/// and every query returning it would fail. A Value of no kind, or an object member named "", has
/// no proto3 JSON form: writing the record's search text or any reply would throw.
/// </summary>
internal static class StorableValue
{
    /// <summary>The deepest value accepted; of the 100 levels parsers allow, 20 are left for the messages that carry a record.</summary>
    public const int MaxLevels = 80;

    /// <summary>Every JSON value of the record, with its field path below the record.</summary>
    public static IEnumerable<(string Field, Value Value)> Values(Record record) => record.KindCase switch
    {
        Record.KindOneofCase.Inference => Present(
            ("inference.input", record.Inference.Input),
            ("inference.output", record.Inference.Output),
            ("inference.output_schema", record.Inference.OutputSchema),
            ("inference.tool_params", record.Inference.ToolParams),
            ("inference.inference_params", record.Inference.InferenceParams),
            ("inference.extra_body", record.Inference.ExtraBody)),
        Record.KindOneofCase.Feedback => Present(("feedback.demonstration", record.Feedback.Demonstration)),
        Record.KindOneofCase.EvaluationTrial => Present(
            [("evaluation_trial.example", record.EvaluationTrial.Example),
            ("evaluation_trial.model_output", record.EvaluationTrial.ModelOutput),
            .. record.EvaluationTrial.Scores.Select(s => ($"evaluation_trial.scores[{s.Key}]", (Value?)s.Value))]),
        _ => [],
    };

    /// <summary>Why the value cannot be stored, or null when it can.</summary>
    public static string? Problem(Value value) =>
        Levels(value) > MaxLevels ? $"nests deeper than {MaxLevels} protobuf levels (about {MaxLevels / 3} JSON objects)"
        : HasNoJsonForm(value) ? "holds a value of no kind, or an object member named \"\"; JSON cannot carry either"
        : null;

    /// <summary>The levels <paramref name="value"/> takes. Inputs are bounded by the request parsers, so the recursion is too.</summary>
    public static int Levels(Value value)
    {
        var deepest = 0;
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StructValue:
                foreach (var field in value.StructValue.Fields.Values)
                {
                    deepest = Math.Max(deepest, 1 + Levels(field));
                }

                return 2 + deepest;
            case Value.KindOneofCase.ListValue:
                foreach (var item in value.ListValue.Values)
                {
                    deepest = Math.Max(deepest, Levels(item));
                }

                return 2 + deepest;
            default:
                return 1;
        }
    }

    private static bool HasNoJsonForm(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.None => true,
        Value.KindOneofCase.StructValue => value.StructValue.Fields.Any(f => f.Key.Length == 0 || HasNoJsonForm(f.Value)),
        Value.KindOneofCase.ListValue => value.ListValue.Values.Any(HasNoJsonForm),
        _ => false,
    };

    private static IEnumerable<(string Field, Value Value)> Present(params (string Field, Value? Value)[] values) =>
        values.Where(v => v.Value is not null).Select(v => (v.Field, v.Value!));
}
