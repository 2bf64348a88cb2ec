using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.Api.TensorZero.SerdeFields;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Reads TensorZero's `InferenceFilter` (api-compat-spec 1.5) into the wire filter tree. Its
/// errors follow TensorZero's TensorZeroDeserialize derive: the "type" tag is taken out first
/// ("TensorZeroDerive: missing tag field `type`"), the rest is read as that variant, and a
/// failure inside names its path below the variant, children included, so a bad grandchild
/// reads "children.[0]: child: missing field `value`". Semantic checks (metric names,
/// operator subsets) stay in the query core.
/// </summary>
internal static class FilterReader
{
    private static readonly string[] Variants = ["float_metric", "boolean_metric", "demonstration_feedback", "tag", "time", "and", "or", "not"];
    private static readonly string[] Operators = ["<", "<=", "=", ">", ">=", "!="];
    private static readonly string[] TagOperators = ["=", "!="];

    public static InferenceFilter Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            // The derive reports numbers as "number", without their value.
            throw json.ValueKind == JsonValueKind.Number
                ? new SerdeError("invalid type: number, expected object")
                : SerdeError.InvalidType(json, "object");
        }

        var members = Members(json);
        var tag = members.FindIndex(m => m.Key == "type");
        if (tag < 0 || members[tag].Value.ValueKind != JsonValueKind.String)
        {
            throw new SerdeError("TensorZeroDerive: missing tag field `type`");
        }

        // serde_json's Map::remove is a swap_remove under preserve_order: the last member takes
        // the tag's place, which decides which bad member is reported first.
        var variant = members[tag].Value.GetString()!;
        members[tag] = members[^1];
        members.RemoveAt(members.Count - 1);
        try
        {
            return Variant(variant, members);
        }
        catch (SerdeError error)
        {
            throw error.FoldedByDerive();
        }
    }

    private static InferenceFilter Variant(string variant, List<KeyValuePair<string, JsonElement>> members) =>
        variant switch
        {
            "float_metric" => new InferenceFilter { FloatMetric = FloatMetric(members) },
            "boolean_metric" => new InferenceFilter { BooleanMetric = BooleanMetric(members) },
            "demonstration_feedback" => new InferenceFilter { DemonstrationFeedback = Demonstration(members) },
            "tag" => new InferenceFilter { Tag = Tag(members) },
            "time" => new InferenceFilter { Time = Time(members) },
            "and" => new InferenceFilter { And = new AndFilter { Children = { Children(members) } } },
            "or" => new InferenceFilter { Or = new OrFilter { Children = { Children(members) } } },
            "not" => new InferenceFilter { Not = new NotFilter { Child = Child(members) } },
            _ => throw SerdeError.UnknownVariant(variant, Variants),
        };

    private static FloatMetricFilter FloatMetric(List<KeyValuePair<string, JsonElement>> members)
    {
        var v = Struct(members, new("metric_name", j => String(j)), new("value", j => Float64(j)), new("comparison_operator", j => Operator(j, Operators)));
        return new FloatMetricFilter { MetricName = (string)v["metric_name"]!, Value = (double)v["value"]!, ComparisonOperator = (ComparisonOperator)v["comparison_operator"]! };
    }

    private static BooleanMetricFilter BooleanMetric(List<KeyValuePair<string, JsonElement>> members)
    {
        var v = Struct(members, new("metric_name", j => String(j)), new("value", j => Bool(j)));
        return new BooleanMetricFilter { MetricName = (string)v["metric_name"]!, Value = (bool)v["value"]! };
    }

    private static DemonstrationFeedbackFilter Demonstration(List<KeyValuePair<string, JsonElement>> members)
    {
        var v = Struct(members, new SerdeField("has_demonstration", j => Bool(j)));
        return new DemonstrationFeedbackFilter { HasDemonstration = (bool)v["has_demonstration"]! };
    }

    private static TagFilter Tag(List<KeyValuePair<string, JsonElement>> members)
    {
        var v = Struct(members, new("key", j => String(j)), new("value", j => String(j)), new("comparison_operator", j => Operator(j, TagOperators)));
        return new TagFilter { Key = (string)v["key"]!, Value = (string)v["value"]!, ComparisonOperator = (ComparisonOperator)v["comparison_operator"]! };
    }

    private static TimeFilter Time(List<KeyValuePair<string, JsonElement>> members)
    {
        var v = Struct(members, new("time", j => Instant(j)), new("comparison_operator", j => Operator(j, Operators)));
        return new TimeFilter { Time = (Timestamp)v["time"]!, ComparisonOperator = (ComparisonOperator)v["comparison_operator"]! };
    }

    private static List<InferenceFilter> Children(List<KeyValuePair<string, JsonElement>> members)
    {
        var v = Struct(members, new SerdeField("children", json =>
        {
            var list = new List<InferenceFilter>();
            foreach (var child in Sequence(json))
            {
                // The derive joins path segments with '.', so an index reads "children.[2]".
                list.Add(At($"[{list.Count}]", () => Read(child)));
            }

            return list;
        }));
        return (List<InferenceFilter>)v["children"]!;
    }

    private static InferenceFilter Child(List<KeyValuePair<string, JsonElement>> members) =>
        (InferenceFilter)Struct(members, new SerdeField("child", j => Read(j)))["child"]!;

    /// <summary>chrono's DateTime&lt;Utc&gt;: a string in RFC 3339.</summary>
    private static Timestamp Instant(JsonElement json) => json.ValueKind == JsonValueKind.String
        ? Timestamp.FromDateTimeOffset(Rfc3339.Parse(json.GetString()!))
        : throw SerdeError.InvalidType(json, "an RFC 3339 formatted date and time string");

    private static ComparisonOperator Operator(JsonElement json, IReadOnlyList<string> allowed) => UnitVariant(json, allowed) switch
    {
        "<" => ComparisonOperator.LessThan,
        "<=" => ComparisonOperator.LessThanOrEqual,
        "=" => ComparisonOperator.Equal,
        ">" => ComparisonOperator.GreaterThan,
        ">=" => ComparisonOperator.GreaterThanOrEqual,
        _ => ComparisonOperator.NotEqual,
    };
}
