using System.Text.RegularExpressions;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using static CosmosProbe.Doc;
using static CosmosProbe.ProbeQuery;
using static CosmosProbe.ProbeRunner;
using static CosmosProbe.ResultCheck;

namespace CosmosProbe;

/// <summary>
/// Every query feature the store's filter compiler emits, each run without a partition key
/// (cross-partition) and with one, checked against the same computation in LINQ to objects.
/// </summary>
internal static class QueryProbes
{
    internal static async Task RunAsync(Container c, List<Doc> docs)
    {
        const string t = "t2";
        foreach (var pk in new string?[] { null, t })
        {
            IEnumerable<Doc> Scope() => pk is null ? docs : docs.Where(d => d.Tenant == pk);
            var tag = pk is null ? "[cross-partition]" : $"[pk={pk}]";

            await CheckAsync($"equality = {tag}", c, pk,
                Sql("SELECT * FROM c WHERE c.category = @cat", ("@cat", "red")),
                Scope().Where(d => d.Category == "red").Select(IdOf), ordered: false, selectIds: true);

            await CheckAsync($"range < <= > >= {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE c.n >= @lo AND c.n < @hi OR c.score > @s AND c.score <= @s2",
                    ("@lo", 100), ("@hi", 400), ("@s", 90.5), ("@s2", 95)),
                Scope().Where(d => (d.N >= 100 && d.N < 400) || (d.Score > 90.5 && d.Score <= 95)).Select(IdOf),
                ordered: false);

            await CheckAsync($"!= {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE c.category != @cat", ("@cat", "red")),
                Scope().Where(d => d.Category is not null && d.Category != "red").Select(IdOf), ordered: false);

            await CheckAsync($"AND/OR/NOT {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE NOT (c.active = true OR c.n < @n) AND (c.category = @a OR NOT (c.score >= @s))",
                    ("@n", 500), ("@a", "blue"), ("@s", 20)),
                Scope().Where(d => !(d.Active || d.N < 500) && (d.Category == "blue" || !(d.Score >= 20))).Select(IdOf),
                ordered: false);

            await CheckAsync($"IN {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE c.category IN (@a, @b) AND c.bucket NOT IN ('b0')", ("@a", "green"), ("@b", "Red")),
                Scope().Where(d => (d.Category == "green" || d.Category == "Red") && d.Bucket != "b0").Select(IdOf),
                ordered: false);

            await CheckAsync($"IS_DEFINED {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE NOT IS_DEFINED(c.category) OR (IS_DEFINED(c.note) AND c.n < 40)"),
                Scope().Where(d => d.Category is null || (d.NoteKind != NoteKind.Missing && d.N < 40)).Select(IdOf),
                ordered: false);

            await CheckAsync($"IS_NULL {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE IS_NULL(c.note)"),
                Scope().Where(d => d.NoteKind == NoteKind.Null).Select(IdOf), ordered: false);

            await CheckAsync($"ARRAY_CONTAINS(c.tags, @tag) {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.tags, @tag)", ("@tag", "y3")),
                Scope().Where(d => d.Tags.Contains("y3")).Select(IdOf), ordered: false);

            var someIds = Scope().Where(d => d.N % 97 == 3).Select(IdOf).Append("nope").ToArray();
            await CheckAsync($"ARRAY_CONTAINS(@ids, c.id) {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(@ids, c.id)", ("@ids", someIds)),
                Scope().Where(d => someIds.Contains(d.Id)).Select(IdOf), ordered: false);

            await CheckAsync($"CONTAINS(s, sub, true) {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE CONTAINS(c.name, @s, true)", ("@s", "TA-01")),
                Scope().Where(d => d.Name.Contains("TA-01", StringComparison.OrdinalIgnoreCase)).Select(IdOf), ordered: false);

            await CheckAsync($"CONTAINS(s, sub) case-sensitive {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE CONTAINS(c.name, @s)", ("@s", "ta-01")),
                Scope().Where(d => d.Name.Contains("ta-01", StringComparison.Ordinal)).Select(IdOf), ordered: false);

            await CheckAsync($"STARTSWITH(s, p, true) {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE STARTSWITH(c.name, @p, true)", ("@p", "gAmMa-0")),
                Scope().Where(d => d.Name.StartsWith("gAmMa-0", StringComparison.OrdinalIgnoreCase)).Select(IdOf), ordered: false);

            await CheckAsync($"STARTSWITH(s, p) case-sensitive {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE STARTSWITH(c.name, @p, false)", ("@p", "beta-01")),
                Scope().Where(d => d.Name.StartsWith("beta-01", StringComparison.Ordinal)).Select(IdOf), ordered: false);

            await CheckAsync($"LOWER {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE LOWER(c.category) = @cat", ("@cat", "red")),
                Scope().Where(d => d.Category?.ToLowerInvariant() == "red").Select(IdOf), ordered: false);

            await CheckAsync($"LIKE {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE c.name LIKE @p", ("@p", "%a-0_5")),
                Scope().Where(d => Regex.IsMatch(d.Name, "^.*a-0.5$", RegexOptions.Singleline)).Select(IdOf), ordered: false);

            await CheckAsync($"EXISTS subquery {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE EXISTS(SELECT VALUE i FROM i IN c.items WHERE i.sku = @sku AND i.qty > @q)",
                    ("@sku", "s3"), ("@q", 6)),
                Scope().Where(d => d.Items.Any(i => i.Sku == "s3" && i.Qty > 6)).Select(IdOf), ordered: false);

            await CheckAsync($"ORDER BY one field DESC {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE c.n < @n ORDER BY c.n DESC", ("@n", 1500)),
                Scope().Where(d => d.N < 1500).OrderByDescending(d => d.N).Select(IdOf), ordered: true);

            await CheckAsync($"ORDER BY one field ASC, SELECT * {tag}", c, pk,
                Sql("SELECT * FROM c WHERE c.active = @a ORDER BY c.score ASC", ("@a", true)),
                Scope().Where(d => d.Active).OrderBy(d => d.Score).ThenBy(d => d.N).Select(IdOf),
                ordered: true, selectIds: true, orderKey: j => j["score"]!.Value<double>());

            await CheckAsync($"ORDER BY two fields {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c WHERE IS_DEFINED(c.category) ORDER BY c.category ASC, c.n DESC"),
                Scope().Where(d => d.Category is not null).OrderBy(d => d.Category, StringComparer.Ordinal)
                    .ThenByDescending(d => d.N).Select(IdOf), ordered: true);

            await CheckAsync($"TOP {tag}", c, pk,
                Sql("SELECT TOP @k VALUE c.id FROM c WHERE c.score >= @s ORDER BY c.n DESC", ("@k", 120), ("@s", 10)),
                Scope().Where(d => d.Score >= 10).OrderByDescending(d => d.N).Take(120).Select(IdOf), ordered: true);

            await CheckAsync($"OFFSET LIMIT {tag}", c, pk,
                Sql("SELECT VALUE c.id FROM c ORDER BY c.n ASC OFFSET @o LIMIT @l", ("@o", 30), ("@l", 140)),
                Scope().OrderBy(d => d.N).Skip(30).Take(140).Select(IdOf), ordered: true);

            await CheckAsync($"SELECT VALUE COUNT(1) {tag}", c, pk,
                Sql("SELECT VALUE COUNT(1) FROM c WHERE c.n >= @n", ("@n", 321)),
                new object[] { Scope().Count(d => d.N >= 321) }, ordered: true);

            await CheckAsync($"projection {tag}", c, pk,
                Sql("SELECT c.id, c.n, c.category AS cat FROM c WHERE c.n < @n", ("@n", 60)),
                Scope().Where(d => d.N < 60).Select(d => d.Category is null
                    ? (object)new { id = d.Id, n = d.N }
                    : new { id = d.Id, n = d.N, cat = d.Category }), ordered: false);

            await CheckAsync($"GROUP BY COUNT/SUM/AVG/MIN/MAX {tag}", c, pk,
                Sql("SELECT c.category AS cat, COUNT(1) AS cnt, SUM(c.n) AS total, AVG(c.score) AS avg, MIN(c.score) AS lo, MAX(c.name) AS hi FROM c WHERE IS_DEFINED(c.category) GROUP BY c.category"),
                Scope().Where(d => d.Category is not null).GroupBy(d => d.Category).Select(g => (object)new
                {
                    cat = g.Key,
                    cnt = g.Count(),
                    total = g.Sum(d => d.N),
                    avg = g.Average(d => d.Score),
                    lo = g.Min(d => d.Score),
                    hi = g.Select(d => d.Name).Max(StringComparer.Ordinal),
                }), ordered: false);

            await CheckAsync($"GROUP BY VALUE COUNT {tag}", c, pk,
                Sql("SELECT VALUE COUNT(1) FROM c GROUP BY c.bucket"),
                Scope().GroupBy(d => d.Bucket).Select(g => (object)g.Count()), ordered: false);

            await CheckAsync($"DISTINCT VALUE {tag}", c, pk,
                Sql("SELECT DISTINCT VALUE c.category FROM c"),
                Scope().Where(d => d.Category is not null).Select(d => d.Category!).Distinct(), ordered: false);

            await CheckAsync($"aggregate without GROUP BY {tag}", c, pk,
                Sql("SELECT COUNT(1) AS cnt, SUM(c.score) AS s, MAX(c.n) AS mx FROM c WHERE c.category = @cat", ("@cat", "blue")),
                new object[]
                {
                    new
                    {
                        cnt = Scope().Count(d => d.Category == "blue"),
                        s = Scope().Where(d => d.Category == "blue").Sum(d => d.Score),
                        mx = Scope().Where(d => d.Category == "blue").Max(d => d.N),
                    },
                }, ordered: true);
        }

        // The SDK's LINQ provider emits the same SQL shapes.
        await RunProbeAsync("LINQ provider Where/OrderBy/Skip/Take", async () =>
        {
            var q = c.GetItemLinqQueryable<LinqDoc>(requestOptions: new QueryRequestOptions { MaxItemCount = PageSize })
                .Where(d => d.N >= 10 && d.Category != "red")
                .OrderBy(d => d.N)
                .Skip(5)
                .Take(70);
            var got = new List<string>();
            using var it = Microsoft.Azure.Cosmos.Linq.CosmosLinqExtensions.ToFeedIterator(q);
            while (it.HasMoreResults)
            {
                foreach (var d in await it.ReadNextAsync())
                {
                    got.Add(d.Id);
                }
            }

            // Cosmos semantics: a missing category makes "category != 'red'" undefined, not true.
            var want = docs.Where(d => d.N >= 10 && d.Category is not null && d.Category != "red")
                .OrderBy(d => d.N).Skip(5).Take(70).Select(IdOf).ToList();
            return got.SequenceEqual(want) ? null : $"got {got.Count} ids, want {want.Count}";
        });
    }
}
