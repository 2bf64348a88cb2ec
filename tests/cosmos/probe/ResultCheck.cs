using System.Globalization;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using static CosmosProbe.ProbeQuery;
using static CosmosProbe.ProbeRunner;

namespace CosmosProbe;

/// <summary>
/// Runs a query to the end and compares its results with the expected ones, as canonical JSON
/// text.
/// </summary>
internal static class ResultCheck
{
    /// <summary>CheckAsync with the partition key as its one string value (null: cross-partition).</summary>
    internal static Task CheckAsync(string name, Container c, string? pk, QueryDefinition q, IEnumerable<object> expected,
        bool ordered, bool selectIds = false, Func<JToken, double>? orderKey = null) =>
        CheckAsync(name, c, pk is null ? null : new PartitionKey(pk), q, expected, ordered, selectIds, orderKey);

    /// <summary>
    /// Runs a query to the end with MaxItemCount paging and compares with expected. With an
    /// orderKey (ORDER BY on a field with ties), the results are compared as a multiset and must
    /// be sorted by that key.
    /// </summary>
    internal static Task CheckAsync(string name, Container c, PartitionKey? pk, QueryDefinition q, IEnumerable<object> expected,
        bool ordered, bool selectIds = false, Func<JToken, double>? orderKey = null) =>
        RunProbeAsync(name, async () =>
        {
            var got = new List<JToken>();
            var pages = 0;
            using var it = c.GetItemQueryIterator<JToken>(q, null, Options(pk));
            while (it.HasMoreResults)
            {
                var page = await it.ReadNextAsync();
                pages++;
                if (page.Count > PageSize)
                {
                    return $"page of {page.Count} items > MaxItemCount {PageSize}";
                }

                got.AddRange(page);
            }

            if (orderKey is not null)
            {
                for (var i = 1; i < got.Count; i++)
                {
                    if (orderKey(got[i - 1]) > orderKey(got[i]))
                    {
                        return $"results not sorted at {i}";
                    }
                }
            }

            if (selectIds)
            {
                got = got.Select(j => (JToken)j["id"]!).ToList();
            }

            var want = expected.Select(e => e is JToken j ? j : JToken.FromObject(e)).ToList();
            var gotCanon = got.Select(Canon).ToList();
            var wantCanon = want.Select(Canon).ToList();
            if (!ordered || orderKey is not null)
            {
                // Unordered, or ordered with ties (order checked above): compare as multisets.
                gotCanon.Sort(StringComparer.Ordinal);
                wantCanon.Sort(StringComparer.Ordinal);
            }

            if (!gotCanon.SequenceEqual(wantCanon))
            {
                return $"got {gotCanon.Count} results, want {wantCanon.Count}; first difference at {FirstDifference(gotCanon, wantCanon)}"
                    + $" (got {Show(gotCanon)}, want {Show(wantCanon)})";
            }

            if (want.Count > PageSize && pages < 2)
            {
                return $"{want.Count} results came in {pages} page(s): no paging";
            }

            return null;
        });

    internal static string Show(List<string> xs) => "[" + string.Join(", ", xs.Take(4)) + (xs.Count > 4 ? ", ..." : "") + "]";

    internal static int FirstDifference(List<string> a, List<string> b)
    {
        var n = Math.Min(a.Count, b.Count);
        for (var i = 0; i < n; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return n;
    }

    /// <summary>Canonical text of a JSON value: sorted keys, numbers to 10 significant digits.</summary>
    internal static string Canon(JToken t)
    {
        switch (t.Type)
        {
            case JTokenType.Object:
                return "{" + string.Join(",", ((JObject)t).Properties()
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => p.Name + ":" + Canon(p.Value))) + "}";
            case JTokenType.Array:
                return "[" + string.Join(",", t.Select(Canon)) + "]";
            case JTokenType.Integer:
            case JTokenType.Float:
                return t.Value<double>().ToString("G10", CultureInfo.InvariantCulture);
            case JTokenType.String:
                return "\"" + t.Value<string>() + "\"";
            case JTokenType.Null:
                return "null";
            case JTokenType.Boolean:
                return t.Value<bool>() ? "true" : "false";
            default:
                return t.ToString(Newtonsoft.Json.Formatting.None);
        }
    }
}
