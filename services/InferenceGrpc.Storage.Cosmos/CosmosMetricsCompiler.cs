using System.Globalization;
using InferenceGrpc.Storage.Metrics;
using InferenceGrpc.Storage.Query;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Compiles a <see cref="MetricsQuery"/> to Cosmos DB GROUP BY queries that share one FROM and
/// WHERE. Result properties: <c>k0…</c> the group keys (the bucket number first for a
/// timeseries, then the dimensions), <c>n</c> the row count, <c>a0…</c> the aggregates. Rules
/// of Cosmos' GROUP BY this follows: SELECT holds only the GROUP BY expressions (aliased) and
/// aggregates; no ORDER BY; no aggregate over a GROUP BY subquery; at most 21 aggregates across
/// partitions. Grouping always includes <c>c.tenant</c> (constant within the query), so a query
/// without dimensions is still a GROUP BY and answers no row when nothing matches. Filters
/// compile to two-valued expressions (a type check guards every comparison) so Cosmos'
/// undefined never leaks through NOT: a missing value matches nothing but IS_NULL.
/// </summary>
internal sealed class CosmosMetricsCompiler
{
    private readonly QueryParameters _parameters = new();
    private readonly List<string> _keys = ["c.tenant"];
    private readonly string _fromWhere;

    public CosmosMetricsCompiler(string tenant, MetricsQuery query)
    {
        if (query.BucketMs is { } width)
        {
            _keys.Add($"FLOOR(c.createdMs / {width.ToString(CultureInfo.InvariantCulture)})");
        }

        _keys.AddRange(query.GroupBy.Select(d => d == MetricsDimension.Team ? "t" : Property(MetricsFields.Of(d))));
        var conditions = new List<string>
        {
            $"c.tenant = {Bind(tenant)}",
            $"c.kind = {Bind(CosmosDocuments.InferenceKind)}",
            $"c.createdMs >= {Bind(query.StartMs)}",
            $"c.createdMs < {Bind(query.EndMs)}",
            "IS_NULL(c.deletedMs)",
        };
        conditions.AddRange(query.Filters.Select(Filter));
        var join = query.GroupBy.Contains(MetricsDimension.Team) ? " JOIN t IN c.teams" : string.Empty;
        _fromWhere = $"FROM c{join} WHERE {string.Join(" AND ", conditions)}";
    }

    /// <summary>The group keys: k0 the tenant, then the bucket number of a timeseries, then the dimensions.</summary>
    public int KeyCount => _keys.Count;

    /// <summary>Counts and the aggregates Cosmos computes itself: count, sum, avg, min and max.</summary>
    public QueryDefinition Main(IReadOnlyList<MetricsAggregation> aggregations)
    {
        var aggregates = aggregations
            .Select((a, i) => (a, i))
            .Where(x => x.a.Aggregate is not (MetricsAggregate.CountDistinct or MetricsAggregate.Percentile))
            .Select(x => $"{Aggregate(x.a)} AS a{x.i}");
        return Grouped(["COUNT(1) AS n", .. aggregates], _keys, null);
    }

    /// <summary>One row per group and distinct text value; the store counts the rows per group.</summary>
    public QueryDefinition DistinctValues(MetricsField field)
    {
        var value = Property(field);
        return Grouped([$"{value} AS v"], [.. _keys, value], $"IS_STRING({value})");
    }

    /// <summary>
    /// How many values of the field each group has per histogram bucket (see
    /// <see cref="CosmosPercentiles"/>): the first pass of an exact percentile.
    /// </summary>
    public QueryDefinition Histogram(MetricsField field)
    {
        var bucket = HistogramBucket(field);
        return Grouped([$"{bucket} AS h", "COUNT(1) AS n"], [.. _keys, bucket], $"IS_NUMBER({Property(field)})");
    }

    /// <summary>The values of the field that fall in these histogram buckets: the second pass.</summary>
    public QueryDefinition BucketValues(MetricsField field, IReadOnlyCollection<long> buckets)
    {
        var bucket = HistogramBucket(field);
        var select = Keys(_keys).Append($"{bucket} AS h").Append($"{Property(field)} AS v");
        var sql = $"SELECT {string.Join(", ", select)} {_fromWhere} AND IS_NUMBER({Property(field)}) AND ARRAY_CONTAINS(@buckets, {bucket})";
        return Definition(sql).WithParameter("@buckets", buckets);
    }

    /// <summary>
    /// The histogram bucket of a value: floor(ln(v) * 100), so a bucket spans about 1% of its
    /// values (bucket order is value order); zero, the smallest value a validated record can
    /// hold, has a bucket of its own below every other.
    /// </summary>
    public static string HistogramBucket(MetricsField field)
    {
        var value = Property(field);
        return $"({value} > 0 ? FLOOR(LOG({value}) * {CosmosPercentiles.BucketsPerUnitLog}) : {CosmosPercentiles.ZeroBucket})";
    }

    private static string Property(MetricsField field) => "c." + CosmosMetricsFields.Property(field);

    private static IEnumerable<string> Keys(IEnumerable<string> keys) => keys.Select((k, i) => $"{k} AS k{i}");

    private QueryDefinition Grouped(IReadOnlyList<string> selected, IReadOnlyList<string> groupBy, string? extraCondition)
    {
        var where = extraCondition is null ? _fromWhere : $"{_fromWhere} AND {extraCondition}";
        var sql = $"SELECT {string.Join(", ", Keys(_keys).Concat(selected))} {where} GROUP BY {string.Join(", ", groupBy)}";
        return Definition(sql);
    }

    private QueryDefinition Definition(string sql)
    {
        var definition = new QueryDefinition(sql);
        foreach (var (name, value) in _parameters)
        {
            definition.WithParameter(name, value);
        }

        return definition;
    }

    private static string Aggregate(MetricsAggregation aggregation)
    {
        var value = Property(aggregation.Column);
        var isValue = MetricsFields.IsNumeric(aggregation.Column) ? $"IS_NUMBER({value})" : $"IS_STRING({value})";
        return aggregation.Aggregate switch
        {
            MetricsAggregate.Count => $"SUM({isValue} ? 1 : 0)",
            MetricsAggregate.Sum => $"SUM({value})",
            MetricsAggregate.Avg => $"AVG({value})",
            MetricsAggregate.Min => $"MIN({value})",
            MetricsAggregate.Max => $"MAX({value})",
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation.Aggregate, null),
        };
    }

    private string Filter(MetricsFilter filter) => filter switch
    {
        ScalarFilter { Operand: TagOperand tag } scalar => Tag(tag.Key, scalar.Operator, scalar.Values),
        ScalarFilter { Operand: FieldOperand field } scalar => Compare(Guard(field.Field), Property(field.Field), scalar.Operator, scalar.Values),
        ScalarFilter { Operand: SubjectOperand subject } scalar => Compare(
            $"(IS_STRING(c.subjectSlug) AND IS_STRING(c.subjectType) AND c.subjectType = {Bind(subject.SubjectType)})", "c.subjectSlug", scalar.Operator, scalar.Values),
        TeamFilter team => $"{(team.Negated ? "NOT " : string.Empty)}EXISTS(SELECT VALUE x FROM x IN c.teams WHERE ARRAY_CONTAINS({Bind(team.Teams)}, x))",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    private static string Guard(MetricsField field) =>
        MetricsFields.IsNumeric(field) ? $"IS_NUMBER({Property(field)})" : $"IS_STRING({Property(field)})";

    private string Tag(string key, MetricsOperator op, IReadOnlyList<object> values)
    {
        var tag = $"SELECT VALUE g FROM g IN c.tags WHERE g.k = {Bind(key)}";
        return op == MetricsOperator.IsNull
            ? $"NOT EXISTS({tag})"
            : $"EXISTS({tag} AND {Compare("IS_STRING(g.v)", "g.v", op, values)})";
    }

    /// <summary><paramref name="guard"/> is true exactly when the operand has a value, so every result is true or false.</summary>
    private string Compare(string guard, string operand, MetricsOperator op, IReadOnlyList<object> values) => op switch
    {
        MetricsOperator.IsNull => $"NOT {guard}",
        MetricsOperator.IsNotNull => guard,
        _ => $"({guard} AND {Comparison(operand, op, values)})",
    };

    private string Comparison(string operand, MetricsOperator op, IReadOnlyList<object> values) => op switch
    {
        MetricsOperator.Equal => $"{operand} = {Bind(values[0])}",
        MetricsOperator.NotEqual => $"{operand} != {Bind(values[0])}",
        MetricsOperator.In => $"ARRAY_CONTAINS({Bind(values)}, {operand})",
        MetricsOperator.NotIn => $"NOT ARRAY_CONTAINS({Bind(values)}, {operand})",
        MetricsOperator.Contains => $"CONTAINS({operand}, {Bind(values[0])})",
        MetricsOperator.NotContains => $"NOT CONTAINS({operand}, {Bind(values[0])})",
        MetricsOperator.StartsWith => $"STARTSWITH({operand}, {Bind(values[0])})",
        MetricsOperator.NotStartsWith => $"NOT STARTSWITH({operand}, {Bind(values[0])})",
        MetricsOperator.EndsWith => $"ENDSWITH({operand}, {Bind(values[0])})",
        MetricsOperator.NotEndsWith => $"NOT ENDSWITH({operand}, {Bind(values[0])})",
        MetricsOperator.GreaterThan => $"{operand} > {Bind(values[0])}",
        MetricsOperator.LessThan => $"{operand} < {Bind(values[0])}",
        MetricsOperator.GreaterThanOrEqual => $"{operand} >= {Bind(values[0])}",
        MetricsOperator.LessThanOrEqual => $"{operand} <= {Bind(values[0])}",
        MetricsOperator.Between => $"{operand} >= {Bind(values[0])} AND {operand} <= {Bind(values[1])}",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    private string Bind(object value) => _parameters.Bind(value);
}
