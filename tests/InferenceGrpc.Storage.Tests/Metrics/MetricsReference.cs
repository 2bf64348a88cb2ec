using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>
/// The metrics semantics in plain LINQ over the records in memory, written from the spec and not
/// from either store: the oracle of the differential test.
/// </summary>
internal static class MetricsReference
{
    public static List<MetricsRow> Evaluate(IEnumerable<Inference> inferences, MetricsQuery query)
    {
        var rows =
            from inference in inferences
            let created = inference.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds()
            where created >= query.StartMs && created < query.EndMs && inference.DeleteTime is null
            where query.Filters.All(f => Matches(inference, f))
            from team in query.GroupBy.Contains(MetricsDimension.Team) ? TeamsOrNull(inference) : [null]
            select (Inference: inference, Bucket: query.BucketMs is { } w ? created / w * w : (long?)null, Groups: query.GroupBy.Select(d => d == MetricsDimension.Team ? team : Text(inference, MetricsFields.Of(d))).ToList());

        return rows
            .GroupBy(r => (r.Bucket, Key: string.Join("\u0001", r.Groups.Select(g => g ?? "\u0000null"))))
            .Select(g => new MetricsRow(g.Key.Bucket, g.First().Groups, g.Count(), query.Aggregations.Select(a => Aggregate(g.Select(r => r.Inference).ToList(), a)).ToList()))
            .OrderBy(r => r.BucketStartMs)
            .ThenBy(r => r.Groups, GroupsOrder.Instance)
            .ToList();
    }

    private static IEnumerable<string?> TeamsOrNull(Inference inference) =>
        inference.Teams.Count == 0 ? [null] : inference.Teams.Distinct();

    private static double? Aggregate(List<Inference> members, MetricsAggregation aggregation)
    {
        if (!MetricsFields.IsNumeric(aggregation.Column))
        {
            var texts = members.Select(m => Text(m, aggregation.Column)).OfType<string>().ToList();
            return aggregation.Aggregate == MetricsAggregate.Count ? texts.Count : texts.Distinct().Count();
        }

        var numbers = members.Select(m => Number(m, aggregation.Column)).OfType<double>().Order().ToList();
        return aggregation.Aggregate switch
        {
            MetricsAggregate.Count => numbers.Count,
            MetricsAggregate.Sum => numbers.Sum(),
            _ when numbers.Count == 0 => null,
            MetricsAggregate.Avg => numbers.Average(),
            MetricsAggregate.Min => numbers[0],
            MetricsAggregate.Max => numbers[^1],
            _ => Interpolated(numbers, aggregation.Fraction),
        };
    }

    private static double Interpolated(List<double> sorted, double fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var low = (int)position;
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static bool Matches(Inference inference, MetricsFilter filter) => filter switch
    {
        TeamFilter team => inference.Teams.Any(team.Teams.Contains) != team.Negated,
        ScalarFilter scalar => Matches(Operand(inference, scalar.Operand), scalar.Operator, scalar.Values),
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    private static object? Operand(Inference inference, MetricsOperand operand) => operand switch
    {
        FieldOperand { Field: var f } when MetricsFields.IsNumeric(f) => Number(inference, f),
        FieldOperand field => Text(inference, field.Field),
        SubjectOperand subject => Text(inference, MetricsField.SubjectType) == subject.SubjectType ? Text(inference, MetricsField.SubjectSlug) : null,
        TagOperand tag => inference.Tags.TryGetValue(tag.Key, out var value) ? value : null,
        _ => throw new ArgumentOutOfRangeException(nameof(operand)),
    };

    private static bool Matches(object? value, MetricsOperator op, IReadOnlyList<object> values)
    {
        if (value is null)
        {
            return op == MetricsOperator.IsNull;
        }

        int Cmp(object other) => value is string s ? string.CompareOrdinal(s, (string)other) : ((double)value).CompareTo((double)other);
        var text = value as string;
        var operand = values.Count > 0 ? values[0] as string : null;
        return op switch
        {
            MetricsOperator.IsNull => false,
            MetricsOperator.IsNotNull => true,
            MetricsOperator.Equal => Cmp(values[0]) == 0,
            MetricsOperator.NotEqual => Cmp(values[0]) != 0,
            MetricsOperator.In => values.Any(v => Cmp(v) == 0),
            MetricsOperator.NotIn => values.All(v => Cmp(v) != 0),
            MetricsOperator.Contains => text!.Contains(operand!, StringComparison.Ordinal),
            MetricsOperator.NotContains => !text!.Contains(operand!, StringComparison.Ordinal),
            MetricsOperator.StartsWith => text!.StartsWith(operand!, StringComparison.Ordinal),
            MetricsOperator.NotStartsWith => !text!.StartsWith(operand!, StringComparison.Ordinal),
            MetricsOperator.EndsWith => text!.EndsWith(operand!, StringComparison.Ordinal),
            MetricsOperator.NotEndsWith => !text!.EndsWith(operand!, StringComparison.Ordinal),
            MetricsOperator.GreaterThan => Cmp(values[0]) > 0,
            MetricsOperator.LessThan => Cmp(values[0]) < 0,
            MetricsOperator.GreaterThanOrEqual => Cmp(values[0]) >= 0,
            MetricsOperator.LessThanOrEqual => Cmp(values[0]) <= 0,
            MetricsOperator.Between => Cmp(values[0]) >= 0 && Cmp(values[1]) <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
    }

    private static string? Text(Inference i, MetricsField field)
    {
        var value = field switch
        {
            MetricsField.ModelName => i.ModelName,
            MetricsField.VirtualModelName => i.VirtualModelName,
            MetricsField.RequestType => i.RequestType,
            MetricsField.SubjectSlug => i.SubjectSlug,
            MetricsField.SubjectType => i.SubjectType switch { SubjectType.User => "user", SubjectType.VirtualAccount => "virtualaccount", _ => "" },
            MetricsField.SessionId => i.SessionId,
            MetricsField.TraceId => i.TraceId,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        return value.Length == 0 ? null : value;
    }

    private static double? Number(Inference i, MetricsField field) => field switch
    {
        MetricsField.LatencyMs => i.HasLatencyMs ? i.LatencyMs : null,
        MetricsField.TtftMs => i.HasTtftMs ? i.TtftMs : null,
        MetricsField.InterTokenLatencyMs => i.HasInterTokenLatencyMs ? i.InterTokenLatencyMs : null,
        MetricsField.TimePerOutputTokenMs => i.HasTimePerOutputTokenMs ? i.TimePerOutputTokenMs : null,
        MetricsField.InputTokens => i.HasInputTokens ? i.InputTokens : null,
        MetricsField.OutputTokens => i.HasOutputTokens ? i.OutputTokens : null,
        MetricsField.CostUsd => i.HasCostUsd ? i.CostUsd : null,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private sealed class GroupsOrder : IComparer<IReadOnlyList<string?>>
    {
        public static readonly GroupsOrder Instance = new();

        public int Compare(IReadOnlyList<string?>? x, IReadOnlyList<string?>? y) =>
            x!.Zip(y!).Select(p => string.CompareOrdinal(p.First, p.Second)).FirstOrDefault(c => c != 0);
    }
}
