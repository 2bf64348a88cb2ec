using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Selection;

/// <summary>
/// Reads <c>--where FIELD:OPERATOR:VALUE</c> into a TrueFoundry filter: <c>modelName:IN:gpt-4o,gpt-4</c>,
/// <c>latencyMs:BETWEEN:10,5000</c>, <c>virtualModelName:IS_NULL:true</c>, and <c>meta.KEY:…</c>
/// for a request-metadata key. Lists are split on commas; an item that reads as a number is
/// sent as one, since the server types values by field.
/// </summary>
internal static class MetricsFilterFlag
{
    private const string MetadataPrefix = "meta.";

    public static MetricsQueryFilter Parse(string text)
    {
        var parts = text.Split(':', 3);
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new CliUsageException($"--where '{text}': write FIELD:OPERATOR:VALUE, e.g. modelName:IN:gpt-4o,gpt-4 or meta.env:IN:prod.");
        }

        var (field, op, value) = (parts[0], parts[1].ToUpperInvariant(), parts[2]);
        var filter = new MetricsQueryFilter { Operator = op, Value = ValueFor(op, value) };
        if (field.StartsWith(MetadataPrefix, StringComparison.Ordinal))
        {
            filter.MetadataKey = field[MetadataPrefix.Length..];
        }
        else
        {
            filter.FieldName = field;
        }

        return filter;
    }

    private static Value ValueFor(string op, string text) => op switch
    {
        "IN" or "NOT_IN" or "BETWEEN" or "ARRAY_HAS_ANY" or "ARRAY_HAS_NONE" => Value.ForList([.. text.Split(',').Select(Scalar)]),
        "IS_NULL" => bool.TryParse(text, out var flag) ? Value.ForBool(flag) : throw new CliUsageException($"IS_NULL takes true or false, not '{text}'."),
        _ => Scalar(text),
    };

    private static Value Scalar(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? Value.ForNumber(number) : Value.ForString(text);
}
