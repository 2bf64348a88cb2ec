using System.Globalization;
using System.Text.RegularExpressions;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// Validates a metrics request (api-compat-spec 4.2, 4.5) and builds the store query. Choices
/// where TrueFoundry's docs are silent [unverified], each tested:
/// <list type="bullet">
/// <item>timestamps are ISO 8601 dates or date-times; without an offset they are UTC;</item>
/// <item>a timeseries takes <c>interval</c>, else the deprecated <c>intervalInSeconds</c>; a
/// distribution ignores both; at most <see cref="MaxBuckets"/> buckets per window;</item>
/// <item>aggregations with the same key are answered once; countDistinct applies to text
/// columns only, the other aggregations (count excepted) to numeric ones; at most
/// <see cref="MaxAggregations"/>;</item>
/// <item>groupBy entries naming the same dimension (userEmail and virtualAccount are both the
/// subject slug) are grouped once.</item>
/// </list>
/// </summary>
internal static partial class MetricsRequestReader
{
    public const int MaxBuckets = 10_000;

    /// <summary>Cosmos DB allows 21 aggregates in a cross-partition GROUP BY; the row count is one.</summary>
    public const int MaxAggregations = 20;

    public static MetricsPlan Read(QueryMetricsRequest request)
    {
        var start = Timestamp(request.StartTs, "startTs");
        var end = Timestamp(request.EndTs, "endTs");
        if (end <= start)
        {
            throw MetricsErrors.Invalid(MetricsErrors.InvalidTimeRange, "endTs", $"endTs ({request.EndTs}) must be after startTs ({request.StartTs})");
        }

        Require(request.Datasource, "datasource");
        if (request.Datasource != MetricsCatalog.Datasource)
        {
            throw MetricsErrors.Invalid(MetricsErrors.UnsupportedDatasource, "datasource", $"Unsupported datasource: {request.Datasource}; this server serves '{MetricsCatalog.Datasource}'");
        }

        Require(request.Type, "type");
        long? bucket = request.Type switch
        {
            "distribution" => null,
            "timeseries" => Bucket(request, start, end),
            _ => throw MetricsErrors.Invalid(MetricsErrors.InvalidQueryType, "type", $"Unsupported type: {request.Type}; use 'distribution' or 'timeseries'"),
        };

        var (aggregations, aggregationKeys) = Aggregations(request.Aggregations);
        var (dimensions, groupKeys) = GroupBy(request.GroupBy);
        var query = new MetricsQuery
        {
            StartMs = start,
            EndMs = end,
            BucketMs = bucket,
            GroupBy = dimensions,
            Aggregations = aggregations,
            Filters = request.Filters.Select(MetricsFilterReader.Read).ToList(),
        };
        return new MetricsPlan(query, aggregationKeys, groupKeys);
    }

    private static long Timestamp(string text, string field)
    {
        Require(text, field);
        if (!IsoTimestamp().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw MetricsErrors.Invalid(MetricsErrors.InvalidTimestamp, field, $"{field}: '{text}' is not an ISO 8601 timestamp");
        }

        return time.ToUnixTimeMilliseconds();
    }

    private static void Require(string value, string field)
    {
        if (value.Length == 0)
        {
            throw MetricsErrors.Invalid(MetricsErrors.MissingField, field, $"'{field}' is required");
        }
    }

    private static long Bucket(QueryMetricsRequest request, long start, long end)
    {
        long width;
        if (request.Interval.Length > 0)
        {
            width = MetricsInterval.TryParse(request.Interval, out var error)
                ?? throw MetricsErrors.Invalid(MetricsErrors.InvalidInterval, "interval", error!);
        }
        else if (request.HasIntervalInSeconds)
        {
            width = request.IntervalInSeconds is > 0 and <= long.MaxValue / 1000
                ? request.IntervalInSeconds * 1000
                : throw MetricsErrors.Invalid(MetricsErrors.InvalidInterval, "intervalInSeconds", "intervalInSeconds must be a positive integer");
        }
        else
        {
            throw MetricsErrors.Invalid(MetricsErrors.MissingInterval, "interval", "'interval' is required for a timeseries query");
        }

        // Epoch-aligned buckets touched by [start, end).
        var buckets = ((end - 1) / width) - (start / width) + 1;
        return buckets <= MaxBuckets
            ? width
            : throw MetricsErrors.Invalid(MetricsErrors.TooManyBuckets, "interval", $"The window holds {buckets} buckets of '{request.Interval}', more than {MaxBuckets}; use a longer interval or a shorter window");
    }

    private static (List<MetricsAggregation>, List<string>) Aggregations(Google.Protobuf.Collections.RepeatedField<MetricsQueryAggregation> requested)
    {
        var aggregations = new List<MetricsAggregation>();
        var keys = new List<string>();
        for (var i = 0; i < requested.Count; i++)
        {
            var (type, column) = (requested[i].Type, requested[i].Column);
            var path = $"aggregations[{i}]";
            if (!MetricsCatalog.AggregationTypes.TryGetValue(type, out var kind))
            {
                throw MetricsErrors.Invalid(MetricsErrors.InvalidAggregation, path + ".type", $"{path}: unsupported aggregation type '{type}'");
            }

            if (!MetricsCatalog.AggregationColumns.TryGetValue(column, out var field))
            {
                throw MetricsErrors.Invalid(MetricsErrors.InvalidAggregation, path + ".column", $"{path}: unsupported aggregation column '{column}'");
            }

            var numeric = MetricsFields.IsNumeric(field);
            if (kind.Aggregate != MetricsAggregate.Count && numeric == (kind.Aggregate == MetricsAggregate.CountDistinct))
            {
                throw MetricsErrors.Invalid(MetricsErrors.InvalidAggregation, path, $"{path}: '{type}' does not apply to {(numeric ? "the numeric" : "the text")} column '{column}'");
            }

            var key = type + char.ToUpperInvariant(column[0]) + column[1..];
            if (!keys.Contains(key))
            {
                keys.Add(key);
                aggregations.Add(new MetricsAggregation(kind.Aggregate, field, kind.Fraction));
            }
        }

        return aggregations.Count <= MaxAggregations
            ? (aggregations, keys)
            : throw MetricsErrors.Invalid(MetricsErrors.TooManyAggregations, "aggregations", $"At most {MaxAggregations} aggregations per query, got {aggregations.Count}");
    }

    private static (List<MetricsDimension>, List<string>) GroupBy(Google.Protobuf.Collections.RepeatedField<string> requested)
    {
        var dimensions = new List<MetricsDimension>();
        var keys = new List<string>();
        for (var i = 0; i < requested.Count; i++)
        {
            if (!MetricsCatalog.GroupBy.TryGetValue(requested[i], out var group))
            {
                throw MetricsErrors.Invalid(MetricsErrors.InvalidGroupBy, $"groupBy[{i}]", $"Unsupported {MetricsCatalog.Datasource} groupBy: {requested[i]}");
            }

            if (!dimensions.Contains(group.Dimension))
            {
                dimensions.Add(group.Dimension);
                keys.Add(group.Key);
            }
        }

        return (dimensions, keys);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex IsoTimestamp();
}
