using System.Net;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using static CosmosProbe.Doc;
using static CosmosProbe.ProbeQuery;
using static CosmosProbe.ProbeRunner;
using static CosmosProbe.ResultCheck;

namespace CosmosProbe;

/// <summary>
/// Continuation tokens fed back into a new iterator page by page, and the queries the server
/// must refuse (a token from another query, a syntax error, ORDER BY without its composite index).
/// </summary>
internal static class ContinuationProbes
{
    internal static async Task RunAsync(Container c, List<Doc> docs)
    {
        var cases = new (string Name, bool Ordered, string? Pk, QueryDefinition Query, List<string> Want)[]
        {
            // Without ORDER BY the order is the store's: compared as a set (ids sort like n).
            ("filter without ORDER BY", false, null, Sql("SELECT VALUE c.id FROM c WHERE c.n % 3 = 0"),
                docs.Where(d => d.N % 3 == 0).Select(IdOf).ToList()),
            ("ORDER BY DESC", true, null, Sql("SELECT VALUE c.id FROM c ORDER BY c.n DESC"),
                docs.OrderByDescending(d => d.N).Select(IdOf).ToList()),
            ("ORDER BY with pk", true, "t3", Sql("SELECT VALUE c.id FROM c WHERE c.n > @n ORDER BY c.n ASC", ("@n", 10)),
                docs.Where(d => d.Tenant == "t3" && d.N > 10).OrderBy(d => d.N).Select(IdOf).ToList()),
            ("OFFSET LIMIT", true, null, Sql("SELECT VALUE c.id FROM c ORDER BY c.n OFFSET 7 LIMIT 333"),
                docs.OrderBy(d => d.N).Skip(7).Take(333).Select(IdOf).ToList()),
        };
        foreach (var (name, ordered, pk, q, want) in cases)
        {
            await RunProbeAsync($"continuation token resume: {name}", async () =>
            {
                var got = new List<string>();
                string? token = null;
                var pages = 0;
                do
                {
                    // A new iterator per page, resumed from the previous page's token.
                    using var it = c.GetItemQueryIterator<string>(q, token, Options(pk));
                    var page = await it.ReadNextAsync();
                    pages++;
                    if (page.Count > PageSize)
                    {
                        return $"page of {page.Count} items > MaxItemCount {PageSize}";
                    }

                    got.AddRange(page);
                    token = page.ContinuationToken;
                    if (pages > 1000)
                    {
                        return "no end after 1000 pages";
                    }
                }
                while (token is not null);

                if (!ordered)
                {
                    got.Sort(StringComparer.Ordinal);
                }

                if (!got.SequenceEqual(want))
                {
                    var at = FirstDifference(got, want);
                    return $"got {got.Count} ids, want {want.Count}; first difference at {at}"
                        + $" (got {Show(got.Skip(at).ToList())}, want {Show(want.Skip(at).ToList())})";
                }

                return pages == (want.Count + PageSize - 1) / PageSize || (want.Count == 0 && pages == 1)
                    ? null
                    : $"{pages} pages for {want.Count} items";
            });
        }

        await ExpectStatusAsync("ORDER BY two fields without a composite index is 400", HttpStatusCode.BadRequest, async () =>
        {
            using var it = c.GetItemQueryIterator<JToken>(Sql("SELECT * FROM c ORDER BY c.n ASC, c.score ASC"), null, Options((string?)null));
            return await it.ReadNextAsync();
        });

        await CheckAsync("ORDER BY two fields, reverse of the composite index", c, (string?)null,
            Sql("SELECT VALUE c.id FROM c WHERE IS_DEFINED(c.category) ORDER BY c.category DESC, c.n ASC"),
            docs.Where(d => d.Category is not null).OrderByDescending(d => d.Category, StringComparer.Ordinal)
                .ThenBy(d => d.N).Select(IdOf), ordered: true);

        await ExpectStatusAsync("a query with a syntax error is 400", HttpStatusCode.BadRequest, async () =>
        {
            using var it = c.GetItemQueryIterator<JToken>(Sql("SELECT * FROM c WHERE c.n >"), null, Options((string?)null));
            return await it.ReadNextAsync();
        });

        await RunProbeAsync("continuation token from another query is refused", async () =>
        {
            using var first = c.GetItemQueryIterator<string>(Sql("SELECT VALUE c.id FROM c ORDER BY c.n"), null, Options((string?)null));
            var token = (await first.ReadNextAsync()).ContinuationToken;
            try
            {
                using var other = c.GetItemQueryIterator<string>(Sql("SELECT VALUE c.id FROM c WHERE c.n > 5"), token, Options((string?)null));
                await other.ReadNextAsync();
                return "no error";
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.BadRequest)
            {
                return null;
            }
        });
    }
}
