using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>
/// Metrics rows equal in bucket, groups and total, and in values up to a relative 1e-9: sums and
/// averages depend on the order a store adds in, so the last bits may differ between stores.
/// </summary>
internal sealed class RowComparer : IEqualityComparer<MetricsRow>
{
    public static readonly RowComparer Instance = new();

    public bool Equals(MetricsRow? x, MetricsRow? y) =>
        x is not null && y is not null
        && x.BucketStartMs == y.BucketStartMs
        && x.Groups.SequenceEqual(y.Groups)
        && x.Total == y.Total
        && x.Values.Count == y.Values.Count
        && x.Values.Zip(y.Values).All(p => Close(p.First, p.Second));

    public int GetHashCode(MetricsRow obj) => HashCode.Combine(obj.BucketStartMs, obj.Total);

    public static bool Close(double? a, double? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } l, { } r) => Math.Abs(l - r) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(l), Math.Abs(r))),
            _ => false,
        };

    public static string Format(MetricsRow row) =>
        $"[{row.BucketStartMs}] ({string.Join(", ", row.Groups.Select(g => g ?? "null"))}) total={row.Total} values=({string.Join(", ", row.Values.Select(v => v?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "null"))})";
}
