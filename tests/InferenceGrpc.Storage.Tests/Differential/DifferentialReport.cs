using System.Globalization;
using System.Text;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// The outcome of a differential run: mismatches grouped by kind (which store, and whether it
/// threw, returned other ids, another order or another total), the first few of each kind in
/// full, and how often the reference matched anything at all.
/// </summary>
internal sealed class DifferentialReport(int dataSeed, int querySeed, int queryCount)
{
    private const int DetailsPerKind = 4;
    private readonly Dictionary<string, List<string>> _byKind = new(StringComparer.Ordinal);

    public int NonEmpty { get; private set; }

    public int TotalMismatches => _byKind.Values.Sum(d => d.Count);

    public void CountNonEmpty(bool nonEmpty) => NonEmpty += nonEmpty ? 1 : 0;

    public void AddMismatch(string kind, string detail)
    {
        if (!_byKind.TryGetValue(kind, out var details))
        {
            _byKind[kind] = details = [];
        }

        details.Add(detail);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"data seed {dataSeed}, query seed {querySeed}: {queryCount} queries, {NonEmpty} with a non-empty expected page, {TotalMismatches} mismatched");
        foreach (var (kind, details) in _byKind.OrderByDescending(k => k.Value.Count))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"== {details.Count} x {kind}");
            foreach (var detail in details.Take(DetailsPerKind))
            {
                text.Append(detail);
            }
        }

        return text.ToString();
    }
}
