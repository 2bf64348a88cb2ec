using System.Globalization;
using System.Text;
using InferenceGrpc.Storage.Query;
using InferenceGrpc.Storage.Tests.Reference;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// Runs generated queries against the reference and each store and compares the ids in order
/// (and the total, when the query asks for it). A mismatch is reported with the seed, the query
/// as text and every side's ids, by alias.
/// </summary>
internal sealed class DifferentialRunner(DifferentialData data, IReadOnlyList<(string Name, IInferenceStore Store)> stores)
{
    public async Task<DifferentialReport> RunAsync(int querySeed, int count)
    {
        var generator = new QueryGenerator(querySeed, data.Pools);
        var report = new DifferentialReport(data.Seed, querySeed, count);
        for (var index = 0; index < count; index++)
        {
            var query = generator.Next();
            var expected = ReferenceEvaluator.Evaluate(data.Reference, query);
            report.CountNonEmpty(expected.Ids.Count > 0);
            var outcomes = new List<(string Name, string Result, bool Matches)>();
            var kinds = new List<string>();
            foreach (var (name, store) in stores)
            {
                var (result, kind) = await RunOneAsync(store, query, expected);
                outcomes.Add((name, result, kind is null));
                if (kind is not null)
                {
                    kinds.Add($"{name}: {kind}");
                }
            }

            if (kinds.Count > 0)
            {
                report.AddMismatch(string.Join("; ", kinds), Describe(index, query, expected, outcomes));
            }
        }

        return report;
    }

    /// <summary>The store's answer as text, and what kind of mismatch it is (null when it matches), to group mismatches by cause.</summary>
    private async Task<(string Result, string? Kind)> RunOneAsync(IInferenceStore store, InferenceQuery query, ReferenceResult expected)
    {
        try
        {
            var page = await store.QueryInferencesAsync(DifferentialData.Tenant, query, default);
            var ids = page.Items.Select(r => Guid.Parse(r.Inference.Id)).ToList();
            var result = Ids(ids) + (query.IncludeTotalCount ? $" total={page.TotalCount}" : string.Empty);
            if (!ids.SequenceEqual(expected.Ids))
            {
                return (result, ids.Order().SequenceEqual(expected.Ids.Order()) ? "same ids, other order" : "other ids");
            }

            return (result, query.IncludeTotalCount && page.TotalCount != expected.TotalCount ? "other total" : null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var message = exception.Message.Split('\n').FirstOrDefault(l => l.StartsWith("message", StringComparison.Ordinal)) ?? exception.Message.Split('\n')[0];
            return ($"threw {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}", $"threw {exception.GetType().Name} ({message.Trim()})");
        }
    }

    private string Describe(int index, InferenceQuery query, ReferenceResult expected, List<(string Name, string Result, bool Matches)> outcomes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"query #{index}: {QueryFormatter.Format(query, data.Alias)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"reference",-10} {Ids(expected.Ids)}{(query.IncludeTotalCount ? $" total={expected.TotalCount}" : string.Empty)}");
        foreach (var (name, result, matches) in outcomes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-10} {result}{(matches ? string.Empty : "   <-- differs")}");
        }

        return text.ToString();
    }

    private string Ids(IEnumerable<Guid> ids) => "[" + string.Join(" ", ids.Select(data.Alias)) + "]";
}
