using InferenceGrpc.Contracts.V1;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using InferenceGrpc.Storage.Query;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Compiles an <see cref="InferenceQuery"/> to Cosmos DB SQL. Every value is a parameter; the
/// only identifiers are the document properties written by <see cref="CosmosDocuments"/>.
/// Cosmos' <c>undefined</c> does not follow SQL's NULL rules, so the filter tree compiles to
/// two-valued expressions: <see cref="IsTrue"/> and <see cref="IsFalse"/> push NOT down to the
/// leaves, where "false" for a metric means feedback exists and fails the comparison. That is
/// TensorZero's rule that missing feedback never matches, even under NOT.
/// </summary>
internal sealed class CosmosQueryCompiler
{
    private readonly QueryParameters _parameters = new();

    private CosmosQueryCompiler()
    {
    }

    /// <summary>The page query; <paramref name="evaluated"/> holds what the query's EvaluationIds resolve to, looked up beforehand.</summary>
    public static CosmosQuery CompilePage(string tenant, InferenceQuery query, EvaluationTargets? evaluated)
    {
        var compiler = new CosmosQueryCompiler();
        var where = compiler.Where(tenant, query, evaluated);
        var timePath = NativeTimePath(query.OrderBy);
        if (timePath is null)
        {
            var text = query.OrderBy.Any(o => o.Key == OrderKey.SearchRelevance) ? ", c.searchText" : string.Empty;
            return compiler.Build($"SELECT c.id, c.createdS, c.createdMs, c.turnIndex, c.metrics, c.episodeMetrics{text} FROM c WHERE {where}", true, false);
        }

        var reverse = query.After is not null;
        // Only the first time key can decide anything, and Cosmos refuses a path twice in ORDER BY.
        var keys = query.OrderBy.Take(1).Select(o => $"{timePath} {Direction(o.Descending != reverse)}").Append($"c.id {Direction(!reverse)}");
        var offset = compiler.Bind(query.Offset);
        var limit = compiler.Bind(query.Limit);
        return compiler.Build($"SELECT c.body, c.demo FROM c WHERE {where} ORDER BY {string.Join(", ", keys)} OFFSET {offset} LIMIT {limit}", false, reverse);
    }

    public static CosmosQuery CompileCount(string tenant, InferenceQuery query, EvaluationTargets? evaluated)
    {
        var compiler = new CosmosQueryCompiler();
        var where = compiler.Where(tenant, query with { Before = null, After = null }, evaluated);
        return compiler.Build($"SELECT VALUE COUNT(1) FROM c WHERE {where}", false, false);
    }

    /// <summary>The documents with these ids, for the page an in-memory sort chose.</summary>
    public static QueryDefinition CompileFetch(string tenant, IReadOnlyList<string> ids)
    {
        var compiler = new CosmosQueryCompiler();
        return compiler.Build($"SELECT c.id, c.body, c.demo FROM c WHERE c.tenant = {compiler.Bind(tenant)} AND ARRAY_CONTAINS({compiler.Bind(ids)}, c.id)", false, false).Definition;
    }

    private string Where(string tenant, InferenceQuery query, EvaluationTargets? evaluated)
    {
        var conditions = new List<string> { $"c.tenant = {Bind(tenant)}", $"c.kind = {Bind(CosmosDocuments.InferenceKind)}" };
        if (!query.IncludeDeleted)
        {
            conditions.Add("IS_NULL(c.deletedMs)");
        }

        Add(conditions, query.FunctionName, v => $"c.functionName = {Bind(v)}");
        Add(conditions, query.VariantName, v => $"c.variantName = {Bind(v)}");
        if (query.EpisodeId is { } episode)
        {
            conditions.Add($"c.episodeId = {Bind(Uuid7.Format(episode))}");
        }

        AddList(conditions, query.Ids?.Select(Uuid7.Format).ToList(), ids => $"ARRAY_CONTAINS({Bind(ids)}, c.id)");
        AddList(conditions, query.ExternalIds, ids => $"ARRAY_CONTAINS({Bind(ids)}, c.externalId)");
        AddList(conditions, query.SessionIds, ids => $"ARRAY_CONTAINS({Bind(ids)}, c.sessionId)");
        if (query.EvaluationIds is not null)
        {
            var targets = evaluated ?? EvaluationTargets.None;
            conditions.Add($"(ARRAY_CONTAINS({Bind(targets.InferenceIds)}, c.id) OR ARRAY_CONTAINS({Bind(targets.SessionIds)}, c.sessionId))");
        }

        if (query.CreatedFrom is { } from)
        {
            conditions.Add($"c.createdMs >= {Bind(from.ToUnixTimeMilliseconds())}");
        }

        if (query.CreatedTo is { } to)
        {
            conditions.Add($"c.createdMs <= {Bind(to.ToUnixTimeMilliseconds())}");
        }

        Add(conditions, query.Search, s => $"CONTAINS(c.searchText, {Bind(SearchText.Normalize(s))})");
        if (query.OutputSource == OutputSource.Demonstration)
        {
            conditions.Add("NOT IS_NULL(c.demo)");
        }

        if (query.Before is { } before)
        {
            conditions.Add($"c.id < {Bind(Uuid7.Format(before))}");
        }

        if (query.After is { } after)
        {
            conditions.Add($"c.id > {Bind(Uuid7.Format(after))}");
        }

        if (query.Filter is not null)
        {
            conditions.Add(IsTrue(query.Filter));
        }

        return string.Join(" AND ", conditions);
    }

    private string IsTrue(FilterNode node) => node switch
    {
        // Empty AND is vacuously true; empty OR is false.
        AndNode and => and.Children.Count == 0 ? "true" : "(" + string.Join(" AND ", and.Children.Select(IsTrue)) + ")",
        OrNode or => or.Children.Count == 0 ? "false" : "(" + string.Join(" OR ", or.Children.Select(IsTrue)) + ")",
        NotNode not => IsFalse(not.Child),
        FloatMetricNode metric => MetricExists(metric.Metric, $"m.v {metric.Operator.Symbol()} {Bind(metric.Value)}"),
        BooleanMetricNode metric => MetricExists(metric.Metric, $"m.v = {Bind(metric.Value ? 1.0 : 0.0)}"),
        TagNode tag => $"EXISTS(SELECT VALUE t FROM t IN c.tags WHERE t.k = {Bind(tag.Key)} AND t.v {tag.Operator.Symbol()} {Bind(tag.Value)})",
        TimeNode time => Time(time),
        DemonstrationNode demo => demo.HasDemonstration ? "NOT IS_NULL(c.demo)" : "IS_NULL(c.demo)",
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown filter node."),
    };

    /// <summary>True when the node evaluates to false; metric leaves are false only when feedback exists.</summary>
    private string IsFalse(FilterNode node) => node switch
    {
        FloatMetricNode metric => MetricExists(metric.Metric, $"NOT (m.v {metric.Operator.Symbol()} {Bind(metric.Value)})"),
        BooleanMetricNode metric => MetricExists(metric.Metric, $"m.v != {Bind(metric.Value ? 1.0 : 0.0)}"),
        _ => $"(NOT {IsTrue(node)})",
    };

    /// <summary>The time leaf as an exact comparison of whole seconds (see <see cref="WholeSecondBound"/>).</summary>
    private string Time(TimeNode time)
    {
        var bound = WholeSecondBound.For(time.Operator, time.Time);
        return bound.Constant is { } constant
            ? (constant ? "true" : "false")
            : $"(c.createdS {bound.Comparison.Symbol()} {Bind(bound.Seconds)})";
    }

    private string MetricExists(MetricRef metric, string comparison)
    {
        var values = metric.Level == FeedbackLevel.Episode ? "c.episodeMetrics" : "c.metrics";
        return $"EXISTS(SELECT VALUE m FROM m IN {values} WHERE m.n = {Bind(metric.Name)} AND {comparison})";
    }

    private CosmosQuery Build(string sql, bool sortInMemory, bool reverse)
    {
        var definition = new QueryDefinition(sql);
        foreach (var (name, value) in _parameters)
        {
            definition.WithParameter(name, value);
        }

        return new CosmosQuery(definition, sortInMemory, reverse);
    }

    /// <summary>
    /// The property Cosmos can ORDER BY itself (a composite index with the id exists for each) when
    /// the order is by time only: whole seconds, or one exact-time key. Null for any other order,
    /// which is sorted in memory.
    /// </summary>
    private static string? NativeTimePath(IReadOnlyList<InferenceOrder> orderBy) => orderBy switch
    {
        [{ Key: OrderKey.CreatedTime }] => "c.createdMs",
        _ when orderBy.All(o => o.Key == OrderKey.Timestamp) => "c.createdS",
        _ => null,
    };

    private static string Direction(bool descending) => descending ? "DESC" : "ASC";

    private string Bind(object value) => _parameters.Bind(value);

    private static void Add(List<string> conditions, string? value, Func<string, string> condition)
    {
        if (!string.IsNullOrEmpty(value))
        {
            conditions.Add(condition(value));
        }
    }

    private static void AddList(List<string> conditions, IReadOnlyList<string>? values, Func<IReadOnlyList<string>, string> condition)
    {
        if (values is not null)
        {
            // An empty list matches nothing, rather than everything.
            conditions.Add(values.Count == 0 ? "false" : condition(values));
        }
    }
}
