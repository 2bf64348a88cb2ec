using System.Text.Json;
using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.Api.TensorZero.SerdeFields;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Reads TensorZero's `order_by` list (api-compat-spec 1.5.3). Each entry is a struct with a
/// flattened, "by"-tagged term and a `direction`; serde reads `direction` as it comes (its
/// errors name "order_by[i].direction") and the term after the whole object, from a buffer
/// that hides deeper paths (its errors name "order_by[i]").
/// </summary>
internal static class OrderByReader
{
    private static readonly string[] Keys = ["timestamp", "metric", "search_relevance"];
    private static readonly string[] Directions = ["ascending", "descending"];

    public static List<OrderBy> Read(JsonElement json)
    {
        var list = new List<OrderBy>();
        foreach (var item in Sequence(json))
        {
            list.Add(At($"[{list.Count}]", () => Entry(item)));
        }

        return list;
    }

    private static OrderBy Entry(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw SerdeError.InvalidType(json, "struct OrderBy");
        }

        var order = new OrderBy();
        JsonElement? by = null;
        JsonElement? name = null;
        foreach (var (key, value) in Members(json))
        {
            switch (key)
            {
                case "direction":
                    order.Direction = At(key, () => UnitVariant(value, Directions)) == "ascending"
                        ? OrderBy.Types.Direction.Ascending
                        : OrderBy.Types.Direction.Descending;
                    break;
                case "by":
                    by = value;
                    break;
                case "name":
                    name = value;
                    break;
            }
        }

        // TensorZero requires `direction`; a missing one is taken as descending, the documented
        // default (api-compat-spec 1.5.3 recommends this leniency). The wire value stays
        // DIRECTION_UNSPECIFIED, which the query core reads as descending.
        if (by is not { } tag)
        {
            throw SerdeError.MissingField("by");
        }

        var variant = tag.ValueKind == JsonValueKind.String ? tag.GetString()! : throw SerdeError.InvalidType(tag, "variant identifier");
        switch (variant)
        {
            case "timestamp":
                order.By = OrderBy.Types.Key.Timestamp;
                break;
            case "metric":
                order.By = OrderBy.Types.Key.Metric;
                order.Name = name is { } metric ? String(metric) : throw SerdeError.MissingField("name");
                break;
            case "search_relevance":
                order.By = OrderBy.Types.Key.SearchRelevance;
                break;
            default:
                throw SerdeError.UnknownVariant(variant, Keys);
        }

        return order;
    }
}
