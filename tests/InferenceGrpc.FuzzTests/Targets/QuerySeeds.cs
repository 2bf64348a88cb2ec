using System.Text;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FuzzTests.Targets;

/// <summary>
/// Valid query requests to mutate, as TensorZero JSON and as protobuf: every filter leaf and
/// combinator, each order, cursor and offset paging, search, and trees at and past the depth and
/// node limits (QueryLimits) and past protobuf's recursion limit.
/// </summary>
internal static class QuerySeeds
{
    public static readonly string KnownFunction = "answer_question";

    public static readonly string SomeId = Uuid7.Format(TestUuid7.At(new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero)));

    private const string Tree = """
        {"type": "and", "children": [
          {"type": "tag", "key": "env", "value": "prod", "comparison_operator": "="},
          {"type": "or", "children": [
            {"type": "float_metric", "metric_name": "user_rating", "value": 3.5, "comparison_operator": ">="},
            {"type": "boolean_metric", "metric_name": "thumbs_up", "value": true},
            {"type": "not", "child": {"type": "demonstration_feedback", "has_demonstration": false}}]},
          {"type": "time", "time": "2025-12-01T00:00:00Z", "comparison_operator": ">"}]}
        """;

    public static IReadOnlyList<byte[]> GetJson { get; } = Utf8(
        $$"""{"ids": ["{{SomeId}}"]}""",
        $$"""{"ids": ["{{SomeId}}", "{{SomeId}}"], "function_name": "{{KnownFunction}}", "output_source": "demonstration"}""",
        """{"ids": [], "output_source": "none", "project": "default"}""");

    public static IReadOnlyList<byte[]> ListJson { get; } = Utf8(
        """{}""",
        $$$"""{"function_name": "{{{KnownFunction}}}", "limit": 5, "offset": 2, "filters": {{{Tree}}}}""",
        $$"""{"function_name": "{{KnownFunction}}", "order_by": [{"by": "metric", "name": "user_rating", "direction": "ascending"}, {"by": "timestamp", "direction": "descending"}]}""",
        $$"""{"variant_name": "gpt4o_rag_v3", "episode_id": "{{SomeId}}", "before": "{{SomeId}}", "limit": 3, "output_source": "inference"}""",
        $$$"""{"after": "{{{SomeId}}}", "include_total_count": true, "page_token": "", "filter": {"type": "tag", "key": "k", "value": "v", "comparison_operator": "!="}}""",
        """{"search_query_experimental": "refund", "order_by": [{"by": "search_relevance", "direction": "descending"}], "project": "default"}""",
        "{\"filters\": " + NestedJson(20) + "}",
        "{\"filters\": {\"type\": \"or\", \"children\": [" + string.Join(",", Enumerable.Repeat("""{"type": "tag", "key": "a", "value": "b", "comparison_operator": "="}""", 300)) + "]}}");

    public static IReadOnlyList<byte[]> StreamJson { get; } = Utf8(
        """{"page_size": 7}""",
        $$$"""{"function_name": "{{{KnownFunction}}}", "page_size": 2, "filters": {{{Tree}}}, "page_token": ""}""");

    public static InferenceFilter TreeMessage { get; } = new()
    {
        And = new AndFilter
        {
            Children =
            {
                new InferenceFilter { Tag = new TagFilter { Key = "env", Value = "prod", ComparisonOperator = ComparisonOperator.Equal } },
                new InferenceFilter
                {
                    Or = new OrFilter
                    {
                        Children =
                        {
                            new InferenceFilter { FloatMetric = new FloatMetricFilter { MetricName = "user_rating", Value = 3.5, ComparisonOperator = ComparisonOperator.GreaterThanOrEqual } },
                            new InferenceFilter { BooleanMetric = new BooleanMetricFilter { MetricName = "thumbs_up", Value = true } },
                            new InferenceFilter { Not = new NotFilter { Child = new InferenceFilter { DemonstrationFeedback = new DemonstrationFeedbackFilter { HasDemonstration = true } } } },
                        },
                    },
                },
                new InferenceFilter { Time = new TimeFilter { Time = Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero)), ComparisonOperator = ComparisonOperator.GreaterThan } },
            },
        },
    };

    public static IReadOnlyList<GetInferencesRequest> GetMessages { get; } =
    [
        new() { Ids = { SomeId } },
        new() { Project = "default", Ids = { SomeId, "not-a-uuid" }, FunctionName = KnownFunction, OutputSource = OutputSource.Demonstration },
    ];

    public static IReadOnlyList<ListInferencesRequest> ListMessages { get; } =
    [
        new(),
        new() { Selection = new InferenceSelection { FunctionName = KnownFunction, Filters = TreeMessage }, Limit = 5, Offset = 1, IncludeTotalCount = true },
        new() { Selection = new InferenceSelection { FunctionName = KnownFunction, OrderBy = { new OrderBy { By = OrderBy.Types.Key.Metric, Name = "user_rating", Direction = OrderBy.Types.Direction.Ascending } } } },
        new() { Selection = new InferenceSelection { SearchQueryExperimental = "refund", OrderBy = { new OrderBy { By = OrderBy.Types.Key.SearchRelevance } } }, Before = SomeId },
        new() { Selection = new InferenceSelection { Filters = Nested(20) } },
        new() { Selection = new InferenceSelection { Filters = Nested(150) } },
        new() { Selection = new InferenceSelection { Filters = new InferenceFilter { Or = new OrFilter { Children = { Enumerable.Repeat(TreeMessage, 60) } } } } },
    ];

    public static IReadOnlyList<StreamInferencesRequest> StreamMessages { get; } =
    [
        new() { PageSize = 7 },
        new() { Project = "default", PageSize = 2, Selection = new InferenceSelection { FunctionName = KnownFunction, Filters = TreeMessage } },
    ];

    /// <summary>A chain of "not" nodes, <paramref name="depth"/> deep.</summary>
    private static InferenceFilter Nested(int depth)
    {
        var filter = new InferenceFilter { DemonstrationFeedback = new DemonstrationFeedbackFilter { HasDemonstration = true } };
        for (var i = 0; i < depth; i++)
        {
            filter = new InferenceFilter { Not = new NotFilter { Child = filter } };
        }

        return filter;
    }

    private static string NestedJson(int depth) =>
        string.Concat(Enumerable.Repeat("""{"type": "not", "child": """, depth)) + """{"type": "demonstration_feedback", "has_demonstration": true}""" + new string('}', depth);

    private static byte[][] Utf8(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];
}
