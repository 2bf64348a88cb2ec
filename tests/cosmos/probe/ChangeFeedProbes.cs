using System.Net;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using static CosmosProbe.Doc;
using static CosmosProbe.ProbeQuery;
using static CosmosProbe.ProbeRunner;

namespace CosmosProbe;

/// <summary>
/// The change feed in latest-version mode: every page from the beginning, then, resumed from the
/// last continuation token, only what changed since.
/// </summary>
internal static class ChangeFeedProbes
{
    internal static async Task RunAsync(Database db)
    {
        Container cf = await db.CreateContainerAsync(new ContainerProperties("feed", "/tenant"));
        var docs = Enumerable.Range(0, 230).Select(Doc.Create).ToList();
        await TestContainers.WriteAllAsync(cf, docs, d => new PartitionKey(d.Tenant));

        await RunProbeAsync("change feed from the beginning, all pages", async () =>
        {
            var seen = new HashSet<string>();
            using var it = cf.GetChangeFeedIterator<JObject>(ChangeFeedStartFrom.Beginning(), ChangeFeedMode.LatestVersion,
                new ChangeFeedRequestOptions { PageSizeHint = PageSize });
            string? token = null;
            while (it.HasMoreResults)
            {
                var page = await it.ReadNextAsync();
                if (page.StatusCode == HttpStatusCode.NotModified)
                {
                    token = page.ContinuationToken;
                    break;
                }

                foreach (var d in page)
                {
                    seen.Add((string)d["id"]!);
                }
            }

            if (seen.Count != docs.Count)
            {
                return $"saw {seen.Count} of {docs.Count}";
            }

            // Change three documents; resuming from the token shows exactly those.
            foreach (var d in docs.Take(3))
            {
                var j = d.ToJson();
                j["changed"] = true;
                await cf.UpsertItemAsync(j, new PartitionKey(d.Tenant));
            }

            var again = new List<string>();
            using var it2 = cf.GetChangeFeedIterator<JObject>(ChangeFeedStartFrom.ContinuationToken(token), ChangeFeedMode.LatestVersion);
            while (it2.HasMoreResults)
            {
                var page = await it2.ReadNextAsync();
                if (page.StatusCode == HttpStatusCode.NotModified)
                {
                    break;
                }

                again.AddRange(page.Select(j => (string)j["id"]!));
            }

            var want = docs.Take(3).Select(IdOf).OrderBy(x => x, StringComparer.Ordinal);
            return again.OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(want) ? null : $"resumed feed gave [{string.Join(",", again)}]";
        });
    }
}
