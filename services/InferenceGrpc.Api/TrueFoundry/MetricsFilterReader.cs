using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Storage.Metrics;
using ApiFilter = InferenceGrpc.Contracts.V1.MetricsQueryFilter;
using StoreFilter = InferenceGrpc.Storage.Metrics.MetricsFilter;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// Reads filters[] against the catalog's allow-lists: exactly one of fieldName and metadataKey,
/// an operator allowed on the field, and a value of the operator's shape (a scalar of the
/// field's type; a non-empty array for IN, NOT_IN and the ARRAY_ operators [unverified: an empty
/// list is refused rather than matching nothing]; [lo, hi] for BETWEEN; a boolean for IS_NULL).
/// </summary>
internal static class MetricsFilterReader
{
    private static readonly Dictionary<string, MetricsOperator> Operators = new(StringComparer.Ordinal)
    {
        ["EQUAL"] = MetricsOperator.Equal,
        ["NOT_EQUAL"] = MetricsOperator.NotEqual,
        ["IN"] = MetricsOperator.In,
        ["NOT_IN"] = MetricsOperator.NotIn,
        ["STRING_CONTAINS"] = MetricsOperator.Contains,
        ["STRING_NOT_CONTAINS"] = MetricsOperator.NotContains,
        ["STRING_STARTS_WITH"] = MetricsOperator.StartsWith,
        ["STRING_NOT_STARTS_WITH"] = MetricsOperator.NotStartsWith,
        ["STRING_ENDS_WITH"] = MetricsOperator.EndsWith,
        ["STRING_NOT_ENDS_WITH"] = MetricsOperator.NotEndsWith,
        ["GREATER_THAN"] = MetricsOperator.GreaterThan,
        ["LESS_THAN"] = MetricsOperator.LessThan,
        ["GREATER_THAN_EQUAL"] = MetricsOperator.GreaterThanOrEqual,
        ["LESS_THAN_EQUAL"] = MetricsOperator.LessThanOrEqual,
        ["BETWEEN"] = MetricsOperator.Between,
    };

    public static StoreFilter Read(ApiFilter filter, int index)
    {
        var path = $"filters[{index}]";
        var (name, field) = Field(filter, path);
        if (!field.Operators.Contains(filter.Operator))
        {
            throw MetricsErrors.Invalid(MetricsErrors.UnsupportedOperator, path + ".operator",
                $"{path}: operator '{filter.Operator}' is not allowed on '{name}'; allowed: {string.Join(", ", field.Operators.Order(StringComparer.Ordinal))}");
        }

        if (filter.Value is null || filter.Value.KindCase is Value.KindOneofCase.None or Value.KindOneofCase.NullValue)
        {
            throw BadValue(path + ".value", $"{path}: 'value' is required");
        }

        if (field.Kind == FilterValueKind.Teams)
        {
            return new TeamFilter(filter.Operator == "ARRAY_HAS_NONE", List(filter.Value, FilterValueKind.Text, path).Cast<string>().ToList());
        }

        if (filter.Operator == "IS_NULL")
        {
            return filter.Value.KindCase == Value.KindOneofCase.BoolValue
                ? new ScalarFilter(field.Operand!, filter.Value.BoolValue ? MetricsOperator.IsNull : MetricsOperator.IsNotNull, [])
                : throw BadValue(path + ".value", $"{path}: IS_NULL takes true (is null) or false (is not null)");
        }

        var op = Operators[filter.Operator];
        IReadOnlyList<object> values = op switch
        {
            MetricsOperator.In or MetricsOperator.NotIn => List(filter.Value, field.Kind, path),
            MetricsOperator.Between => Between(filter.Value, field.Kind, path),
            _ => [Scalar(filter.Value, field.Kind, path + ".value")],
        };
        return new ScalarFilter(field.Operand!, op, values);
    }

    private static (string Name, FilterableField Field) Field(ApiFilter filter, string path)
    {
        var hasField = filter.FieldName.Length > 0;
        var hasKey = filter.MetadataKey.Length > 0;
        if (hasField == hasKey)
        {
            throw MetricsErrors.Invalid(MetricsErrors.InvalidFilter, path, $"{path}: give exactly one of 'fieldName' and 'metadataKey'");
        }

        if (hasKey)
        {
            return ($"metadata key '{filter.MetadataKey}'", MetricsCatalog.Metadata(filter.MetadataKey));
        }

        return MetricsCatalog.Filters.TryGetValue(filter.FieldName, out var field)
            ? (filter.FieldName, field)
            : throw MetricsErrors.Invalid(MetricsErrors.UnsupportedFilterField, path + ".fieldName", $"Unsupported {MetricsCatalog.Datasource} filter name: {filter.FieldName}");
    }

    private static List<object> List(Value value, FilterValueKind kind, string path)
    {
        if (value.KindCase != Value.KindOneofCase.ListValue || value.ListValue.Values.Count == 0)
        {
            throw BadValue(path + ".value", $"{path}: 'value' must be a non-empty array");
        }

        return value.ListValue.Values.Select((v, i) => Scalar(v, kind, $"{path}.value[{i}]")).ToList();
    }

    private static List<object> Between(Value value, FilterValueKind kind, string path)
    {
        if (value.KindCase != Value.KindOneofCase.ListValue || value.ListValue.Values.Count != 2)
        {
            throw BadValue(path + ".value", $"{path}: BETWEEN takes [low, high]");
        }

        return List(value, kind, path);
    }

    private static object Scalar(Value value, FilterValueKind kind, string path) => (kind, value.KindCase) switch
    {
        (FilterValueKind.Number, Value.KindOneofCase.NumberValue) => value.NumberValue,
        (FilterValueKind.Text, Value.KindOneofCase.StringValue) => value.StringValue,
        (FilterValueKind.Number, _) => throw BadValue(path, $"{path}: expected a number"),
        _ => throw BadValue(path, $"{path}: expected a string"),
    };

    private static Protocol.RpcException BadValue(string field, string message) =>
        MetricsErrors.Invalid(MetricsErrors.InvalidFilterValue, field, message);
}
