using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>A validated request: the store query, and the response key of each aggregation and group value.</summary>
internal sealed record MetricsPlan(MetricsQuery Query, IReadOnlyList<string> AggregationKeys, IReadOnlyList<string> GroupKeys)
{
    public MetricsDataPoint ToDataPoint(MetricsRow row)
    {
        var point = new MetricsDataPoint { Total = row.Total };
        if (row.BucketStartMs is { } start && Query.BucketMs is { } width)
        {
            point.StartTimestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(start));
            point.EndTimestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(start + width));
        }

        for (var i = 0; i < AggregationKeys.Count; i++)
        {
            var value = new MetricsValue { Key = AggregationKeys[i] };
            if (row.Values[i] is { } number)
            {
                value.Value = number;
            }

            point.Values.Add(value);
        }

        for (var i = 0; i < GroupKeys.Count; i++)
        {
            var group = new MetricsGroupValue { Key = GroupKeys[i] };
            if (row.Groups[i] is { } text)
            {
                group.Value = text;
            }

            point.Groups.Add(group);
        }

        return point;
    }
}
