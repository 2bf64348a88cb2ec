using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Selection;

/// <summary>
/// The filter flags' small expression language, one leaf of the filter tree each:
/// <c>--tag key=value</c>, <c>--metric "accuracy&gt;=0.8"</c>, <c>--bool-metric solved=true</c>,
/// <c>--since 2026-11-01</c>. Operators: &lt; &lt;= = != &gt; &gt;=.
/// </summary>
internal static partial class FilterFlags
{
    public static InferenceFilter Tag(string text)
    {
        var (key, op, value) = Split(text, "--tag", "key=value or key!=value");
        if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            throw new CliUsageException($"--tag '{text}': tags compare with = or != only.");
        }

        return new InferenceFilter { Tag = new TagFilter { Key = key, Value = value, ComparisonOperator = op } };
    }

    public static InferenceFilter Metric(string text)
    {
        var (name, op, value) = Split(text, "--metric", "name>=0.5");
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            throw new CliUsageException($"--metric '{text}': '{value}' is not a number.");
        }

        return new InferenceFilter { FloatMetric = new FloatMetricFilter { MetricName = name, Value = number, ComparisonOperator = op } };
    }

    public static InferenceFilter BooleanMetric(string text)
    {
        var (name, op, value) = Split(text, "--bool-metric", "name=true");
        if (op != ComparisonOperator.Equal || !bool.TryParse(value, out var flag))
        {
            throw new CliUsageException($"--bool-metric '{text}': use name=true or name=false.");
        }

        return new InferenceFilter { BooleanMetric = new BooleanMetricFilter { MetricName = name, Value = flag } };
    }

    /// <summary>A time bound: an ISO 8601 date or instant, taken as UTC when it names no offset.</summary>
    public static InferenceFilter Time(string text, string flag, ComparisonOperator op)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new CliUsageException($"{flag} '{text}' is not a date or time; use ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z.");
        }

        return new InferenceFilter { Time = new TimeFilter { Time = Timestamp.FromDateTimeOffset(time), ComparisonOperator = op } };
    }

    private static (string Name, ComparisonOperator Op, string Value) Split(string text, string flag, string example)
    {
        var match = Expression().Match(text);
        if (!match.Success)
        {
            throw new CliUsageException($"{flag} '{text}' is not a comparison; write it like {example}.");
        }

        var op = match.Groups["op"].Value switch
        {
            "<" => ComparisonOperator.LessThan,
            "<=" => ComparisonOperator.LessThanOrEqual,
            "=" => ComparisonOperator.Equal,
            "!=" => ComparisonOperator.NotEqual,
            ">" => ComparisonOperator.GreaterThan,
            _ => ComparisonOperator.GreaterThanOrEqual,
        };
        return (match.Groups["name"].Value.Trim(), op, match.Groups["value"].Value.Trim());
    }

    [GeneratedRegex(@"^(?<name>[^<>=!]+)(?<op><=|>=|!=|=|<|>)(?<value>.*)$")]
    private static partial Regex Expression();
}
