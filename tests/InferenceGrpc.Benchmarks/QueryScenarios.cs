using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Benchmarks;

/// <summary>
/// Representative list_inferences queries over the sample data (see InferenceGrpc.SampleData):
/// the newest page, a function, the typical "function + tag + metric + time range" filter, an
/// episode-level metric, substring search and ordering by a metric. All newest first, limit 20.
/// </summary>
internal static class QueryScenarios
{
    public static IReadOnlyList<(string Name, InferenceSelection Selection)> All { get; } =
    [
        ("newest 20", new InferenceSelection()),
        ("function", new InferenceSelection { FunctionName = "answer_question" }),
        ("function + tag + float metric + time", new InferenceSelection
        {
            FunctionName = "answer_question",
            Filters = And(
                new InferenceFilter { Tag = new TagFilter { Key = "env", Value = "prod", ComparisonOperator = ComparisonOperator.Equal } },
                new InferenceFilter { FloatMetric = new FloatMetricFilter { MetricName = "user_rating", Value = 3, ComparisonOperator = ComparisonOperator.GreaterThan } },
                new InferenceFilter { Time = new TimeFilter { Time = Timestamp.FromDateTime(new DateTime(2025, 12, 15, 0, 0, 0, DateTimeKind.Utc)), ComparisonOperator = ComparisonOperator.GreaterThanOrEqual } }),
        }),
        ("function + boolean metric + tag", new InferenceSelection
        {
            FunctionName = "summarize",
            Filters = And(
                new InferenceFilter { BooleanMetric = new BooleanMetricFilter { MetricName = "thumbs_up", Value = true } },
                new InferenceFilter { Tag = new TagFilter { Key = "customer_tier", Value = "enterprise", ComparisonOperator = ComparisonOperator.Equal } }),
        }),
        ("episode-level metric", new InferenceSelection { Filters = new InferenceFilter { BooleanMetric = new BooleanMetricFilter { MetricName = "task_success", Value = true } } }),
        ("search \"zebra\"", new InferenceSelection { SearchQueryExperimental = "zebra" }),
        ("function, order by metric", new InferenceSelection
        {
            FunctionName = "answer_question",
            OrderBy = { new OrderBy { By = OrderBy.Types.Key.Metric, Name = "user_rating", Direction = OrderBy.Types.Direction.Descending } },
        }),
    ];

    private static InferenceFilter And(params InferenceFilter[] children)
    {
        var and = new AndFilter();
        and.Children.AddRange(children);
        return new InferenceFilter { And = and };
    }
}
