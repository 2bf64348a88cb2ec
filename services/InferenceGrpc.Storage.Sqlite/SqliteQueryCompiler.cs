using InferenceGrpc.Contracts.V1;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Storage.Sqlite;

/// <summary>
/// Compiles an <see cref="InferenceQuery"/> to SQLite SQL. Every value is a bound parameter
/// (@p0, @p1, …); the only identifiers are the fixed column names below. The filter tree
/// becomes one recursive expression with SQL's three-valued logic pinned to TensorZero's rules:
/// metric leaves are NULL when there is no feedback, AND/OR wrap children in COALESCE(…, 0),
/// NOT is NOT COALESCE(…, 1), so missing feedback never matches, negated or not.
/// </summary>
internal sealed class SqliteQueryCompiler
{
    private readonly QueryParameters _parameters = new();

    private SqliteQueryCompiler()
    {
    }

    public static CompiledQuery CompilePage(string tenant, InferenceQuery query)
    {
        var compiler = new SqliteQueryCompiler();
        var from = compiler.FromAndWhere(tenant, query);
        var reverse = query.After is not null;
        var order = compiler.OrderBy(query, invert: reverse);
        var limit = compiler.Bind(query.Limit);
        var offset = compiler.Bind(query.Offset);
        var demonstration = query.OutputSource == OutputSource.Demonstration ? "d.value" : "NULL";
        return new CompiledQuery($"SELECT i.body, {demonstration} {from} ORDER BY {order} LIMIT {limit} OFFSET {offset}", compiler._parameters, reverse);
    }

    public static CompiledQuery CompileCount(string tenant, InferenceQuery query)
    {
        var compiler = new SqliteQueryCompiler();
        return new CompiledQuery($"SELECT COUNT(*) {compiler.FromAndWhere(tenant, query with { Before = null, After = null })}", compiler._parameters, false);
    }

    private string FromAndWhere(string tenant, InferenceQuery query)
    {
        var join = query.OutputSource == OutputSource.Demonstration
            ? " JOIN latest_demonstrations d ON d.tenant = i.tenant AND d.inference_id = i.id"
            : string.Empty;
        var conditions = new List<string> { $"i.tenant = {Bind(tenant)}" };
        if (!query.IncludeDeleted)
        {
            conditions.Add("i.deleted_ms IS NULL");
        }

        AddIfSet(conditions, query.FunctionName, v => $"i.function_name = {Bind(v)}");
        AddIfSet(conditions, query.VariantName, v => $"i.variant_name = {Bind(v)}");
        if (query.EpisodeId is { } episode)
        {
            conditions.Add($"i.episode_id = {Bind(Uuid7.ToBigEndianBytes(episode))}");
        }

        AddIfAny(conditions, query.Ids, ids => $"i.id IN ({BindAll(ids.Select(id => (object)Uuid7.ToBigEndianBytes(id)))})");
        AddIfAny(conditions, query.ExternalIds, ids => $"i.external_id IN ({BindAll(ids)})");
        AddIfAny(conditions, query.SessionIds, ids => $"i.session_id IN ({BindAll(ids)})");
        AddIfAny(conditions, query.EvaluationIds, ids =>
        {
            var list = BindAll(ids);
            return $"(i.id IN (SELECT e.inference_id FROM inference_evaluations e WHERE e.tenant = i.tenant AND e.id IN ({list}))"
                + $" OR i.session_id IN (SELECT e.session_id FROM inference_evaluations e WHERE e.tenant = i.tenant AND e.id IN ({list}) AND e.inference_id IS NULL))";
        });
        if (query.CreatedFrom is { } from)
        {
            conditions.Add($"i.created_ms >= {Bind(from.ToUnixTimeMilliseconds())}");
        }

        if (query.CreatedTo is { } to)
        {
            conditions.Add($"i.created_ms <= {Bind(to.ToUnixTimeMilliseconds())}");
        }

        AddIfSet(conditions, query.Search, s => $"instr(i.search_text, {Bind(SearchText.Normalize(s))}) > 0");
        if (query.Before is { } before)
        {
            conditions.Add($"i.id < {Bind(Uuid7.ToBigEndianBytes(before))}");
        }

        if (query.After is { } after)
        {
            conditions.Add($"i.id > {Bind(Uuid7.ToBigEndianBytes(after))}");
        }

        if (query.Filter is not null)
        {
            conditions.Add($"COALESCE({Filter(query.Filter)}, 0)");
        }

        return $"FROM inferences i{join} WHERE {string.Join(" AND ", conditions)}";
    }

    private string Filter(FilterNode node) => node switch
    {
        // Empty AND is vacuously true; empty OR is false.
        AndNode and => and.Children.Count == 0 ? "1" : "(" + string.Join(" AND ", and.Children.Select(c => $"COALESCE({Filter(c)}, 0)")) + ")",
        OrNode or => or.Children.Count == 0 ? "0" : "(" + string.Join(" OR ", or.Children.Select(c => $"COALESCE({Filter(c)}, 0)")) + ")",
        NotNode not => $"(NOT COALESCE({Filter(not.Child)}, 1))",
        FloatMetricNode metric => $"({LatestMetric(metric.Metric)} {metric.Operator.Symbol()} {Bind(metric.Value)})",
        BooleanMetricNode metric => $"({LatestMetric(metric.Metric)} = {Bind(metric.Value ? 1.0 : 0.0)})",
        // A missing tag fails both = and != (two-valued: EXISTS is never NULL).
        TagNode tag => $"EXISTS (SELECT 1 FROM inference_tags t WHERE t.tenant = i.tenant AND t.inference_id = i.id AND t.key = {Bind(tag.Key)} AND t.value {tag.Operator.Symbol()} {Bind(tag.Value)})",
        TimeNode time => Time(time),
        DemonstrationNode demo => $"({(demo.HasDemonstration ? string.Empty : "NOT ")}EXISTS (SELECT 1 FROM latest_demonstrations ld WHERE ld.tenant = i.tenant AND ld.inference_id = i.id))",
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown filter node."),
    };

    /// <summary>The time leaf as an exact comparison of whole seconds (see <see cref="WholeSecondBound"/>).</summary>
    private string Time(TimeNode time)
    {
        var bound = WholeSecondBound.For(time.Operator, time.Time);
        return bound.Constant is { } constant
            ? (constant ? "1" : "0")
            : $"((i.created_ms / 1000) {bound.Comparison.Symbol()} {Bind(bound.Seconds)})";
    }

    /// <summary>The latest value of a metric for the row, or NULL: joined on the id or the episode.</summary>
    private string LatestMetric(MetricRef metric) =>
        $"(SELECT m.value FROM latest_metrics m WHERE m.tenant = i.tenant AND m.metric_name = {Bind(metric.Name)} AND m.target_id = {(metric.Level == FeedbackLevel.Episode ? "i.episode_id" : "i.id")})";

    private string OrderBy(InferenceQuery query, bool invert)
    {
        var keys = new List<string>();
        foreach (var order in query.OrderBy)
        {
            var direction = order.Descending != invert ? "DESC" : "ASC";
            switch (order.Key)
            {
                case OrderKey.Timestamp:
                    keys.Add($"(i.created_ms / 1000) {direction}");
                    break;
                case OrderKey.Metric:
                    // NULLS LAST (SQLite 3.30+) evaluates the correlated subquery once per row;
                    // "v IS NULL, v" would evaluate it twice.
                    keys.Add($"{LatestMetric(order.Metric!)} {direction} NULLS LAST");
                    break;
                case OrderKey.SearchRelevance:
                    var term = Bind(SearchText.Normalize(query.Search ?? string.Empty));
                    keys.Add($"((length(i.search_text) - length(replace(i.search_text, {term}, ''))) / max(length({term}), 1)) {direction}");
                    break;
                case OrderKey.TurnIndex:
                    keys.Add($"i.turn_index {direction} NULLS LAST");
                    break;
                case OrderKey.CreatedTime:
                    keys.Add($"i.created_ms {direction}");
                    break;
            }
        }

        // The id always breaks ties: newest first, or oldest first when walking forward with 'after'.
        keys.Add(invert ? "i.id ASC" : "i.id DESC");
        return string.Join(", ", keys);
    }

    private string Bind(object value) => _parameters.Bind(value);

    private string BindAll<T>(IEnumerable<T> values) where T : notnull => string.Join(", ", values.Select(v => Bind(v)));

    private static void AddIfSet(List<string> conditions, string? value, Func<string, string> condition)
    {
        if (!string.IsNullOrEmpty(value))
        {
            conditions.Add(condition(value));
        }
    }

    private static void AddIfAny<T>(List<string> conditions, IReadOnlyList<T>? values, Func<IReadOnlyList<T>, string> condition)
    {
        if (values is not null)
        {
            // An empty list matches nothing, rather than everything.
            conditions.Add(values.Count == 0 ? "0" : condition(values));
        }
    }
}
