using System.Globalization;
using InferenceGrpc.Storage.Metrics;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// Compiles a <see cref="MetricsQuery"/> to one SQLite GROUP BY over <c>inference_metrics</c>,
/// or <c>inference_team_metrics</c> when grouping by team (see <see cref="SqliteMetricsProjection"/>). Every value is a bound
/// parameter; identifiers come only from <see cref="Column"/>. The result columns are: the
/// bucket number (timeseries only), one per group-by dimension, the row count, then one per
/// aggregation.
/// </summary>
internal sealed class SqliteMetricsCompiler
{
    private readonly QueryParameters _parameters = new();

    private SqliteMetricsCompiler()
    {
    }

    public static CompiledQuery Compile(string tenant, MetricsQuery query)
    {
        var compiler = new SqliteMetricsCompiler();
        var keys = new List<string>();
        if (query.BucketMs is { } width)
        {
            // Epoch-aligned: integer division floors for the non-negative times inferences have.
            keys.Add("m.created_ms / " + width.ToString(CultureInfo.InvariantCulture));
        }

        keys.AddRange(query.GroupBy.Select(d => d == MetricsDimension.Team ? "m.team" : Column(MetricsFields.Of(d))));
        var select = keys.Append("COUNT(*)").Concat(query.Aggregations.Select(compiler.Aggregate));
        // Grouping by team reads the view with the teams unnested: the same columns, a row per team.
        var table = query.GroupBy.Contains(MetricsDimension.Team) ? "inference_team_metrics" : "inference_metrics";
        var conditions = new List<string>
        {
            $"m.tenant = {compiler.Bind(tenant)}",
            $"m.created_ms >= {compiler.Bind(query.StartMs)}",
            $"m.created_ms < {compiler.Bind(query.EndMs)}",
            "m.deleted_ms IS NULL",
        };
        conditions.AddRange(query.Filters.Select(compiler.Filter));
        var groupBy = keys.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", keys);
        var sql = $"SELECT {string.Join(", ", select)} FROM {table} m WHERE {string.Join(" AND ", conditions)}{groupBy}";
        return new CompiledQuery(sql, compiler._parameters, false);
    }

    /// <summary>The column of a field; the only identifiers the compiler writes.</summary>
    public static string Column(MetricsField field) => field switch
    {
        MetricsField.ModelName => "m.model_name",
        MetricsField.VirtualModelName => "m.virtual_model_name",
        MetricsField.RequestType => "m.request_type",
        MetricsField.SubjectSlug => "m.subject_slug",
        MetricsField.SubjectType => "m.subject_type",
        MetricsField.SessionId => "m.session_id",
        MetricsField.TraceId => "m.trace_id",
        MetricsField.LatencyMs => "m.latency_ms",
        MetricsField.TtftMs => "m.ttft_ms",
        MetricsField.InterTokenLatencyMs => "m.inter_token_latency_ms",
        MetricsField.TimePerOutputTokenMs => "m.time_per_output_token_ms",
        MetricsField.InputTokens => "m.input_tokens",
        MetricsField.OutputTokens => "m.output_tokens",
        MetricsField.CostUsd => "m.cost_usd",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private string Aggregate(MetricsAggregation aggregation)
    {
        var column = Column(aggregation.Column);
        return aggregation.Aggregate switch
        {
            MetricsAggregate.Count => $"COUNT({column})",
            MetricsAggregate.CountDistinct => $"COUNT(DISTINCT {column})",
            MetricsAggregate.Sum => $"TOTAL({column})",
            MetricsAggregate.Avg => $"AVG({column})",
            MetricsAggregate.Min => $"MIN({column})",
            MetricsAggregate.Max => $"MAX({column})",
            MetricsAggregate.Percentile => $"{SqlitePercentileAggregate.Name}({column}, {Bind(aggregation.Fraction)})",
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation.Aggregate, null),
        };
    }

    private string Filter(MetricsFilter filter) => filter switch
    {
        ScalarFilter scalar => Compare(Operand(scalar.Operand), scalar.Operator, scalar.Values),
        TeamFilter team => $"{(team.Negated ? "NOT " : string.Empty)}EXISTS (SELECT 1 FROM inference_team_metrics f WHERE f.tenant = m.tenant AND f.created_ms = m.created_ms AND f.id = m.id AND f.team IN ({BindAll(team.Teams)}))",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    private string Operand(MetricsOperand operand) => operand switch
    {
        FieldOperand field => Column(field.Field),
        SubjectOperand subject => $"(CASE WHEN m.subject_type = {Bind(subject.SubjectType)} THEN m.subject_slug END)",
        TagOperand tag => $"(SELECT g.value FROM inference_tags g WHERE g.tenant = m.tenant AND g.inference_id = m.id AND g.key = {Bind(tag.Key)})",
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, null),
    };

    /// <summary>
    /// SQL's NULL rules give the documented semantics by themselves: every comparison of NULL is
    /// NULL, so a row without a value matches no operator but IS_NULL.
    /// </summary>
    private string Compare(string operand, MetricsOperator op, IReadOnlyList<object> values) => op switch
    {
        MetricsOperator.Equal => $"{operand} = {Bind(values[0])}",
        MetricsOperator.NotEqual => $"{operand} <> {Bind(values[0])}",
        MetricsOperator.In => $"{operand} IN ({BindAll(values)})",
        MetricsOperator.NotIn => $"{operand} NOT IN ({BindAll(values)})",
        MetricsOperator.Contains => $"instr({operand}, {Bind(values[0])}) > 0",
        MetricsOperator.NotContains => $"instr({operand}, {Bind(values[0])}) = 0",
        MetricsOperator.StartsWith => StartsWith(operand, Bind(values[0])),
        MetricsOperator.NotStartsWith => $"NOT {StartsWith(operand, Bind(values[0]))}",
        MetricsOperator.EndsWith => EndsWith(operand, Bind(values[0])),
        MetricsOperator.NotEndsWith => $"NOT {EndsWith(operand, Bind(values[0]))}",
        MetricsOperator.GreaterThan => $"{operand} > {Bind(values[0])}",
        MetricsOperator.LessThan => $"{operand} < {Bind(values[0])}",
        MetricsOperator.GreaterThanOrEqual => $"{operand} >= {Bind(values[0])}",
        MetricsOperator.LessThanOrEqual => $"{operand} <= {Bind(values[0])}",
        MetricsOperator.Between => $"{operand} BETWEEN {Bind(values[0])} AND {Bind(values[1])}",
        MetricsOperator.IsNull => $"{operand} IS NULL",
        MetricsOperator.IsNotNull => $"{operand} IS NOT NULL",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    private static string StartsWith(string operand, string prefix) => $"(substr({operand}, 1, length({prefix})) = {prefix})";

    // The suffix is compared where it would start; a start before the first character returns a
    // shorter string, which cannot be equal.
    private static string EndsWith(string operand, string suffix) => $"(substr({operand}, length({operand}) - length({suffix}) + 1) = {suffix})";

    private string Bind(object value) => _parameters.Bind(value);

    private string BindAll<T>(IEnumerable<T> values) where T : notnull => string.Join(", ", values.Select(v => Bind(v)));
}
