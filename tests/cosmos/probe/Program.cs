using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;

namespace CosmosProbe;

/// <summary>
/// Runs the real Microsoft.Azure.Cosmos SDK against the in-memory test server started by
/// tests/cosmos/launcher.mjs and checks every query feature the store's filter compiler emits
/// against the same computation in LINQ to objects. Prints one PASS/FAIL line per probe and a
/// closing "N passed, N failed" line; exits non-zero when any probe failed.
/// Usage: dotnet run --project tests/cosmos/probe -- http://127.0.0.1:PORT/ [--perf]
/// </summary>
internal static class Program
{
    // The well-known key of the Cosmos DB emulator; the test server accepts any key.
    private const string EmulatorKey =
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private const int DocCount = 2000;
    private const int PageSize = 50;

    private static int passed;
    private static int failed;

    private static async Task<int> Main(string[] args)
    {
        var endpoint = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
            ?? Environment.GetEnvironmentVariable("COSMOS_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint))
        {
            Console.Error.WriteLine("usage: CosmosProbe http://127.0.0.1:PORT/ [--perf]");
            return 2;
        }

        if (Environment.GetEnvironmentVariable("AZURE_COSMOS_BYPASS_QUERY_PARSING") != "true")
        {
            Console.WriteLine("WARN AZURE_COSMOS_BYPASS_QUERY_PARSING is not 'true' in this process");
        }

        using var client = CreateClient(endpoint);
        var dbName = "probe-" + Guid.NewGuid().ToString("N")[..8];
        Database db = await client.CreateDatabaseIfNotExistsAsync(dbName);
        try
        {
            var docs = Enumerable.Range(0, DocCount).Select(Doc.Create).ToList();
            var container = await CreateFlatContainerAsync(db, docs);
            await RunQueryProbesAsync(container, docs);
            await RunContinuationProbesAsync(container, docs);
            await RunPointOperationProbesAsync(container);
            await RunReadManyProbeAsync(container);
            await RunHierarchicalProbesAsync(db, docs);
            await RunChangeFeedProbesAsync(db);
            await RunUnsupportedProbesAsync(container);
            if (args.Contains("--perf"))
            {
                await RunPerfProbeAsync(db);
            }
        }
        finally
        {
            await db.DeleteAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The client settings that work against the test server.</summary>
    internal static CosmosClient CreateClient(string endpoint) =>
        new($"AccountEndpoint={endpoint};AccountKey={EmulatorKey}", new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            AllowBulkExecution = false,
            RequestTimeout = TimeSpan.FromSeconds(30),
            MaxRetryAttemptsOnRateLimitedRequests = 0,
            // Only for `launcher.mjs --tls`, whose certificate is self-signed; unused over http.
            ServerCertificateCustomValidationCallback = endpoint.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
                ? (_, _, _) => true
                : null,
        });

    // ------------------------------------------------------------------------------------------
    // Setup

    private static async Task<Container> CreateFlatContainerAsync(Database db, List<Doc> docs)
    {
        var props = new ContainerProperties("flat", "/tenant");
        props.IndexingPolicy.CompositeIndexes.Add(new System.Collections.ObjectModel.Collection<CompositePath>
        {
            new() { Path = "/category", Order = CompositePathSortOrder.Ascending },
            new() { Path = "/n", Order = CompositePathSortOrder.Descending },
        });
        Container container = await db.CreateContainerAsync(props);
        var sw = Stopwatch.StartNew();
        await WriteAllAsync(container, docs, d => new PartitionKey(d.Tenant));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"INFO wrote {docs.Count} documents in {sw.ElapsedMilliseconds} ms"));
        return container;
    }

    private static async Task WriteAllAsync(Container container, IEnumerable<Doc> docs, Func<Doc, PartitionKey> pk)
    {
        using var gate = new SemaphoreSlim(16);
        var tasks = docs.Select(async d =>
        {
            await gate.WaitAsync();
            try
            {
                await container.CreateItemAsync(d.ToJson(), pk(d));
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    // ------------------------------------------------------------------------------------------
    // Query probes: each runs without a partition key (cross-partition) and with one.

    private static async Task RunQueryProbesAsync(Container c, List<Doc> docs)
    {
        const string t = "t2";
        foreach (var pk in new string?[] { null, t })
        {
            IEnumerable<Doc> Scope() => pk is null ? docs : docs.Where(d => d.Tenant == pk);
            var tag = pk is null ? "[cross-partition]" : $"[pk={pk}]";

            await CheckAsync($"equality = {tag}", c, pk,
                Q("SELECT * FROM c WHERE c.category = @cat", ("@cat", "red")),
                Scope().Where(d => d.Category == "red").Select(IdOf), ordered: false, selectIds: true);

            await CheckAsync($"range < <= > >= {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE c.n >= @lo AND c.n < @hi OR c.score > @s AND c.score <= @s2",
                    ("@lo", 100), ("@hi", 400), ("@s", 90.5), ("@s2", 95)),
                Scope().Where(d => (d.N >= 100 && d.N < 400) || (d.Score > 90.5 && d.Score <= 95)).Select(IdOf),
                ordered: false);

            await CheckAsync($"!= {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE c.category != @cat", ("@cat", "red")),
                Scope().Where(d => d.Category is not null && d.Category != "red").Select(IdOf), ordered: false);

            await CheckAsync($"AND/OR/NOT {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE NOT (c.active = true OR c.n < @n) AND (c.category = @a OR NOT (c.score >= @s))",
                    ("@n", 500), ("@a", "blue"), ("@s", 20)),
                Scope().Where(d => !(d.Active || d.N < 500) && (d.Category == "blue" || !(d.Score >= 20))).Select(IdOf),
                ordered: false);

            await CheckAsync($"IN {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE c.category IN (@a, @b) AND c.bucket NOT IN ('b0')", ("@a", "green"), ("@b", "Red")),
                Scope().Where(d => (d.Category == "green" || d.Category == "Red") && d.Bucket != "b0").Select(IdOf),
                ordered: false);

            await CheckAsync($"IS_DEFINED {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE NOT IS_DEFINED(c.category) OR (IS_DEFINED(c.note) AND c.n < 40)"),
                Scope().Where(d => d.Category is null || (d.NoteKind != NoteKind.Missing && d.N < 40)).Select(IdOf),
                ordered: false);

            await CheckAsync($"IS_NULL {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE IS_NULL(c.note)"),
                Scope().Where(d => d.NoteKind == NoteKind.Null).Select(IdOf), ordered: false);

            await CheckAsync($"ARRAY_CONTAINS(c.tags, @tag) {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.tags, @tag)", ("@tag", "y3")),
                Scope().Where(d => d.Tags.Contains("y3")).Select(IdOf), ordered: false);

            var someIds = Scope().Where(d => d.N % 97 == 3).Select(IdOf).Append("nope").ToArray();
            await CheckAsync($"ARRAY_CONTAINS(@ids, c.id) {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(@ids, c.id)", ("@ids", someIds)),
                Scope().Where(d => someIds.Contains(d.Id)).Select(IdOf), ordered: false);

            await CheckAsync($"CONTAINS(s, sub, true) {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE CONTAINS(c.name, @s, true)", ("@s", "TA-01")),
                Scope().Where(d => d.Name.Contains("TA-01", StringComparison.OrdinalIgnoreCase)).Select(IdOf), ordered: false);

            await CheckAsync($"CONTAINS(s, sub) case-sensitive {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE CONTAINS(c.name, @s)", ("@s", "ta-01")),
                Scope().Where(d => d.Name.Contains("ta-01", StringComparison.Ordinal)).Select(IdOf), ordered: false);

            await CheckAsync($"STARTSWITH(s, p, true) {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE STARTSWITH(c.name, @p, true)", ("@p", "gAmMa-0")),
                Scope().Where(d => d.Name.StartsWith("gAmMa-0", StringComparison.OrdinalIgnoreCase)).Select(IdOf), ordered: false);

            await CheckAsync($"STARTSWITH(s, p) case-sensitive {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE STARTSWITH(c.name, @p, false)", ("@p", "beta-01")),
                Scope().Where(d => d.Name.StartsWith("beta-01", StringComparison.Ordinal)).Select(IdOf), ordered: false);

            await CheckAsync($"LOWER {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE LOWER(c.category) = @cat", ("@cat", "red")),
                Scope().Where(d => d.Category?.ToLowerInvariant() == "red").Select(IdOf), ordered: false);

            await CheckAsync($"LIKE {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE c.name LIKE @p", ("@p", "%a-0_5")),
                Scope().Where(d => Regex.IsMatch(d.Name, "^.*a-0.5$", RegexOptions.Singleline)).Select(IdOf), ordered: false);

            await CheckAsync($"EXISTS subquery {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE EXISTS(SELECT VALUE i FROM i IN c.items WHERE i.sku = @sku AND i.qty > @q)",
                    ("@sku", "s3"), ("@q", 6)),
                Scope().Where(d => d.Items.Any(i => i.Sku == "s3" && i.Qty > 6)).Select(IdOf), ordered: false);

            await CheckAsync($"ORDER BY one field DESC {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE c.n < @n ORDER BY c.n DESC", ("@n", 1500)),
                Scope().Where(d => d.N < 1500).OrderByDescending(d => d.N).Select(IdOf), ordered: true);

            await CheckAsync($"ORDER BY one field ASC, SELECT * {tag}", c, pk,
                Q("SELECT * FROM c WHERE c.active = @a ORDER BY c.score ASC", ("@a", true)),
                Scope().Where(d => d.Active).OrderBy(d => d.Score).ThenBy(d => d.N).Select(IdOf),
                ordered: true, selectIds: true, orderKey: j => j["score"]!.Value<double>());

            await CheckAsync($"ORDER BY two fields {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c WHERE IS_DEFINED(c.category) ORDER BY c.category ASC, c.n DESC"),
                Scope().Where(d => d.Category is not null).OrderBy(d => d.Category, StringComparer.Ordinal)
                    .ThenByDescending(d => d.N).Select(IdOf), ordered: true);

            await CheckAsync($"TOP {tag}", c, pk,
                Q("SELECT TOP @k VALUE c.id FROM c WHERE c.score >= @s ORDER BY c.n DESC", ("@k", 120), ("@s", 10)),
                Scope().Where(d => d.Score >= 10).OrderByDescending(d => d.N).Take(120).Select(IdOf), ordered: true);

            await CheckAsync($"OFFSET LIMIT {tag}", c, pk,
                Q("SELECT VALUE c.id FROM c ORDER BY c.n ASC OFFSET @o LIMIT @l", ("@o", 30), ("@l", 140)),
                Scope().OrderBy(d => d.N).Skip(30).Take(140).Select(IdOf), ordered: true);

            await CheckAsync($"SELECT VALUE COUNT(1) {tag}", c, pk,
                Q("SELECT VALUE COUNT(1) FROM c WHERE c.n >= @n", ("@n", 321)),
                new object[] { Scope().Count(d => d.N >= 321) }, ordered: true);

            await CheckAsync($"projection {tag}", c, pk,
                Q("SELECT c.id, c.n, c.category AS cat FROM c WHERE c.n < @n", ("@n", 60)),
                Scope().Where(d => d.N < 60).Select(d => d.Category is null
                    ? (object)new { id = d.Id, n = d.N }
                    : new { id = d.Id, n = d.N, cat = d.Category }), ordered: false);

            await CheckAsync($"GROUP BY COUNT/SUM/AVG/MIN/MAX {tag}", c, pk,
                Q("SELECT c.category AS cat, COUNT(1) AS cnt, SUM(c.n) AS total, AVG(c.score) AS avg, MIN(c.score) AS lo, MAX(c.name) AS hi FROM c WHERE IS_DEFINED(c.category) GROUP BY c.category"),
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
                Q("SELECT VALUE COUNT(1) FROM c GROUP BY c.bucket"),
                Scope().GroupBy(d => d.Bucket).Select(g => (object)g.Count()), ordered: false);

            await CheckAsync($"DISTINCT VALUE {tag}", c, pk,
                Q("SELECT DISTINCT VALUE c.category FROM c"),
                Scope().Where(d => d.Category is not null).Select(d => d.Category!).Distinct(), ordered: false);

            await CheckAsync($"aggregate without GROUP BY {tag}", c, pk,
                Q("SELECT COUNT(1) AS cnt, SUM(c.score) AS s, MAX(c.n) AS mx FROM c WHERE c.category = @cat", ("@cat", "blue")),
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

    // ------------------------------------------------------------------------------------------
    // Continuation tokens fed back into a new iterator.

    private static async Task RunContinuationProbesAsync(Container c, List<Doc> docs)
    {
        var cases = new (string Name, bool Ordered, string? Pk, QueryDefinition Q, List<string> Want)[]
        {
            // Without ORDER BY the order is the store's: compared as a set (ids sort like n).
            ("filter without ORDER BY", false, null, Q("SELECT VALUE c.id FROM c WHERE c.n % 3 = 0"),
                docs.Where(d => d.N % 3 == 0).Select(IdOf).ToList()),
            ("ORDER BY DESC", true, null, Q("SELECT VALUE c.id FROM c ORDER BY c.n DESC"),
                docs.OrderByDescending(d => d.N).Select(IdOf).ToList()),
            ("ORDER BY with pk", true, "t3", Q("SELECT VALUE c.id FROM c WHERE c.n > @n ORDER BY c.n ASC", ("@n", 10)),
                docs.Where(d => d.Tenant == "t3" && d.N > 10).OrderBy(d => d.N).Select(IdOf).ToList()),
            ("OFFSET LIMIT", true, null, Q("SELECT VALUE c.id FROM c ORDER BY c.n OFFSET 7 LIMIT 333"),
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
            using var it = c.GetItemQueryIterator<JToken>(Q("SELECT * FROM c ORDER BY c.n ASC, c.score ASC"), null, Options((string?)null));
            return await it.ReadNextAsync();
        });

        await CheckAsync("ORDER BY two fields, reverse of the composite index", c, (string?)null,
            Q("SELECT VALUE c.id FROM c WHERE IS_DEFINED(c.category) ORDER BY c.category DESC, c.n ASC"),
            docs.Where(d => d.Category is not null).OrderByDescending(d => d.Category, StringComparer.Ordinal)
                .ThenBy(d => d.N).Select(IdOf), ordered: true);

        await ExpectStatusAsync("a query with a syntax error is 400", HttpStatusCode.BadRequest, async () =>
        {
            using var it = c.GetItemQueryIterator<JToken>(Q("SELECT * FROM c WHERE c.n >"), null, Options((string?)null));
            return await it.ReadNextAsync();
        });

        await RunProbeAsync("continuation token from another query is refused", async () =>
        {
            using var first = c.GetItemQueryIterator<string>(Q("SELECT VALUE c.id FROM c ORDER BY c.n"), null, Options((string?)null));
            var token = (await first.ReadNextAsync()).ContinuationToken;
            try
            {
                using var other = c.GetItemQueryIterator<string>(Q("SELECT VALUE c.id FROM c WHERE c.n > 5"), token, Options((string?)null));
                await other.ReadNextAsync();
                return "no error";
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.BadRequest)
            {
                return null;
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // Point operations

    private static async Task RunPointOperationProbesAsync(Container c)
    {
        var pk = new PartitionKey("t1");
        await RunProbeAsync("point read of an existing document", async () =>
        {
            var r = await c.ReadItemAsync<JObject>("d00001", pk);
            return r.StatusCode == HttpStatusCode.OK && (string?)r.Resource["id"] == "d00001" ? null : $"status {r.StatusCode}";
        });
        await ExpectStatusAsync("point read of a missing document is 404", HttpStatusCode.NotFound,
            () => c.ReadItemAsync<JObject>("missing", pk));
        await ExpectStatusAsync("point read in the wrong partition is 404", HttpStatusCode.NotFound,
            () => c.ReadItemAsync<JObject>("d00001", new PartitionKey("t2")));
        await ExpectStatusAsync("replace of a missing document is 404", HttpStatusCode.NotFound,
            () => c.ReplaceItemAsync(new JObject { ["id"] = "missing", ["tenant"] = "t1" }, "missing", pk));
        await ExpectStatusAsync("delete of a missing document is 404", HttpStatusCode.NotFound,
            () => c.DeleteItemAsync<JObject>("missing", pk));
        await ExpectStatusAsync("create of an existing id in the same partition is 409", HttpStatusCode.Conflict,
            () => c.CreateItemAsync(new JObject { ["id"] = "d00001", ["tenant"] = "t1" }, pk));
        await RunProbeAsync("same id in another partition is a different document", async () =>
        {
            var r = await c.CreateItemAsync(new JObject { ["id"] = "d00001", ["tenant"] = "other" }, new PartitionKey("other"));
            await c.DeleteItemAsync<JObject>("d00001", new PartitionKey("other"));
            return r.StatusCode == HttpStatusCode.Created ? null : $"status {r.StatusCode}";
        });
        await RunProbeAsync("upsert, replace with ETag, patch, delete", async () =>
        {
            var doc = new JObject { ["id"] = "tmp", ["tenant"] = "t1", ["v"] = 1 };
            var created = await c.UpsertItemAsync(doc, pk);
            doc["v"] = 2;
            var replaced = await c.ReplaceItemAsync(doc, "tmp", pk, new ItemRequestOptions { IfMatchEtag = created.ETag });
            try
            {
                await c.ReplaceItemAsync(doc, "tmp", pk, new ItemRequestOptions { IfMatchEtag = created.ETag });
                return "stale ETag accepted";
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
            }

            var patched = await c.PatchItemAsync<JObject>("tmp", pk, new[] { PatchOperation.Set("/v", 3), PatchOperation.Increment("/v", 1) });
            try
            {
                await c.PatchItemAsync<JObject>("tmp", pk, new[] { PatchOperation.Set("/v", 5) },
                    new PatchItemRequestOptions { FilterPredicate = "FROM c WHERE c.v = 3" });
                return "patch with a false filter predicate applied";
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
            }

            var deleted = await c.DeleteItemAsync<JObject>("tmp", pk);
            return replaced.StatusCode == HttpStatusCode.OK && (int?)patched.Resource["v"] == 4
                && deleted.StatusCode == HttpStatusCode.NoContent ? null : $"v={patched.Resource["v"]}";
        });
    }

    private static async Task RunReadManyProbeAsync(Container c)
    {
        await RunProbeAsync("ReadManyItemsAsync across partitions", async () =>
        {
            var keys = new List<(string, PartitionKey)>
            {
                ("d00001", new PartitionKey("t1")),
                ("d00002", new PartitionKey("t2")),
                ("d00003", new PartitionKey("t0")), // wrong partition: not returned
                ("missing", new PartitionKey("t4")),
                ("d01999", new PartitionKey("t4")),
            };
            var r = await c.ReadManyItemsAsync<JObject>(keys);
            var ids = r.Select(j => (string)j["id"]!).OrderBy(x => x, StringComparer.Ordinal).ToList();
            return ids.SequenceEqual(["d00001", "d00002", "d01999"]) ? null : $"got [{string.Join(",", ids)}]";
        });
    }

    // ------------------------------------------------------------------------------------------
    // Hierarchical partition keys (/tenant, /bucket)

    private static async Task RunHierarchicalProbesAsync(Database db, List<Doc> docs)
    {
        Container h;
        try
        {
            h = await db.CreateContainerAsync(new ContainerProperties("hier", new List<string> { "/tenant", "/bucket" }));
        }
        catch (CosmosException e)
        {
            Fail("hierarchical container create", e.Message);
            return;
        }

        var subset = docs.Where(d => d.N < 600).ToList();
        await WriteAllAsync(h, subset, d => new PartitionKeyBuilder().Add(d.Tenant).Add(d.Bucket).Build());
        var full = new PartitionKeyBuilder().Add("t1").Add("b2").Build();
        var prefix = new PartitionKeyBuilder().Add("t1").Build();

        await RunProbeAsync("hierarchical point read (full key)", async () =>
        {
            var d = subset.First(x => x.Tenant == "t1" && x.Bucket == "b2");
            var r = await h.ReadItemAsync<JObject>(d.Id, full);
            return (string?)r.Resource["id"] == d.Id ? null : "wrong document";
        });
        await ExpectStatusAsync("hierarchical point read with the wrong bucket is 404", HttpStatusCode.NotFound,
            () => h.ReadItemAsync<JObject>(subset.First(x => x.Tenant == "t1" && x.Bucket == "b2").Id,
                new PartitionKeyBuilder().Add("t1").Add("b3").Build()));
        await RunProbeAsync("hierarchical: same id under another bucket is a different document", async () =>
        {
            var d = subset.First(x => x.Tenant == "t1" && x.Bucket == "b2");
            var other = new PartitionKeyBuilder().Add("t1").Add("zz").Build();
            var r = await h.CreateItemAsync(new JObject { ["id"] = d.Id, ["tenant"] = "t1", ["bucket"] = "zz" }, other);
            await h.DeleteItemAsync<JObject>(d.Id, other);
            return r.StatusCode == HttpStatusCode.Created ? null : $"status {r.StatusCode}";
        });

        await CheckAsync("hierarchical query, full key", h, full,
            Q("SELECT VALUE c.id FROM c WHERE c.n >= @n", ("@n", 0)),
            subset.Where(d => d.Tenant == "t1" && d.Bucket == "b2").Select(IdOf), ordered: false);
        await CheckAsync("hierarchical query, prefix key (tenant only)", h, prefix,
            Q("SELECT VALUE c.id FROM c WHERE c.n >= @n ORDER BY c.n DESC", ("@n", 0)),
            subset.Where(d => d.Tenant == "t1").OrderByDescending(d => d.N).Select(IdOf), ordered: true);
        await CheckAsync("hierarchical query, cross-partition", h, (PartitionKey?)null,
            Q("SELECT VALUE c.id FROM c WHERE c.bucket = @b ORDER BY c.n", ("@b", "b1")),
            subset.Where(d => d.Bucket == "b1").OrderBy(d => d.N).Select(IdOf), ordered: true);
    }

    // ------------------------------------------------------------------------------------------
    // Change feed (latest version): every page, then only what changed.

    private static async Task RunChangeFeedProbesAsync(Database db)
    {
        Container cf = await db.CreateContainerAsync(new ContainerProperties("feed", "/tenant"));
        var docs = Enumerable.Range(0, 230).Select(Doc.Create).ToList();
        await WriteAllAsync(cf, docs, d => new PartitionKey(d.Tenant));

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

    // ------------------------------------------------------------------------------------------
    // Known gaps: reported, not counted.

    private static async Task RunUnsupportedProbesAsync(Container c)
    {
        try
        {
            var batch = c.CreateTransactionalBatch(new PartitionKey("t4"))
                .CreateItem(new JObject { ["id"] = "b1", ["tenant"] = "t4" });
            using var r = await batch.ExecuteAsync();
            Console.WriteLine($"INFO TransactionalBatch: status {r.StatusCode} (unsupported by the test server)");
        }
        catch (CosmosException e)
        {
            Console.WriteLine($"INFO TransactionalBatch: {e.StatusCode} (unsupported by the test server)");
        }
    }

    private static async Task RunPerfProbeAsync(Database db)
    {
        Container big = await db.CreateContainerAsync(new ContainerProperties("big", "/tenant"));
        var docs = Enumerable.Range(0, 10_000).Select(Doc.Create).ToList();
        var sw = Stopwatch.StartNew();
        await WriteAllAsync(big, docs, d => new PartitionKey(d.Tenant));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"INFO wrote 10000 documents in {sw.ElapsedMilliseconds} ms"));
        sw.Restart();
        await CheckAsync("10k documents: filter + ORDER BY, paged", big, (string?)null,
            Q("SELECT VALUE c.id FROM c WHERE c.score > @s ORDER BY c.n DESC", ("@s", 50)),
            docs.Where(d => d.Score > 50).OrderByDescending(d => d.N).Select(IdOf), ordered: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"INFO 10k query, all pages: {sw.ElapsedMilliseconds} ms"));
    }

    // ------------------------------------------------------------------------------------------
    // Helpers

    private static string IdOf(Doc d) => d.Id;

    private static QueryDefinition Q(string sql, params (string Name, object Value)[] parameters)
    {
        var q = new QueryDefinition(sql);
        foreach (var (name, value) in parameters)
        {
            q = q.WithParameter(name, value);
        }

        return q;
    }

    private static QueryRequestOptions Options(string? pk) => Options(pk is null ? null : new PartitionKey(pk));

    private static QueryRequestOptions Options(PartitionKey? pk) =>
        new() { MaxItemCount = PageSize, PartitionKey = pk };

    private static Task CheckAsync(string name, Container c, string? pk, QueryDefinition q, IEnumerable<object> expected,
        bool ordered, bool selectIds = false, Func<JToken, double>? orderKey = null) =>
        CheckAsync(name, c, pk is null ? null : new PartitionKey(pk), q, expected, ordered, selectIds, orderKey);

    /// <summary>
    /// Runs a query to the end with MaxItemCount paging and compares with expected. With an
    /// orderKey (ORDER BY on a field with ties), the results are compared as a multiset and must
    /// be sorted by that key.
    /// </summary>
    private static Task CheckAsync(string name, Container c, PartitionKey? pk, QueryDefinition q, IEnumerable<object> expected,
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
        }, detail: null);

    private static string Show(List<string> xs) => "[" + string.Join(", ", xs.Take(4)) + (xs.Count > 4 ? ", ..." : "") + "]";

    private static int FirstDifference(List<string> a, List<string> b)
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
    private static string Canon(JToken t)
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

    private static async Task ExpectStatusAsync<T>(string name, HttpStatusCode status, Func<Task<T>> action) =>
        await RunProbeAsync(name, async () =>
        {
            try
            {
                await action();
                return "no error";
            }
            catch (CosmosException e) when (e.StatusCode == status)
            {
                return null;
            }
            catch (CosmosException e)
            {
                return $"status {(int)e.StatusCode} {e.StatusCode}, want {(int)status}";
            }
        });

    /// <summary>Runs one probe; the body returns null on success or a failure description.</summary>
    private static async Task RunProbeAsync(string name, Func<Task<string?>> body, string? detail = null)
    {
        var sw = Stopwatch.StartNew();
        string? error;
        try
        {
            error = await body();
        }
        catch (Exception e) when (e is CosmosException or InvalidOperationException or ArgumentException
            or Newtonsoft.Json.JsonException or NotSupportedException or FormatException or HttpRequestException)
        {
            error = e is CosmosException ce
                ? $"{ce.GetType().Name} {(int)ce.StatusCode} {FirstLine(ce.ResponseBody ?? ce.Message)}"
                : $"{e.GetType().Name}: {FirstLine(e.Message)}";
        }

        var ms = sw.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture);
        if (error is null)
        {
            passed++;
            Console.WriteLine($"PASS {name} ({ms} ms){(detail is null ? "" : " " + detail)}");
        }
        else
        {
            Fail(name, error);
        }
    }

    private static void Fail(string name, string error)
    {
        failed++;
        Console.WriteLine($"FAIL {name}: {error}");
    }

    private static string FirstLine(string s)
    {
        var line = s.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}

internal enum NoteKind
{
    Missing,
    Null,
    Text,
}

internal sealed record Item(string Sku, int Qty);

/// <summary>The probe's test document, and its JSON form as stored.</summary>
internal sealed record Doc(
    string Id, string Tenant, string Bucket, int N, double Score, string Name, string? Category,
    NoteKind NoteKind, string[] Tags, Item[] Items, bool Active, string CreatedAt)
{
    private static readonly string[] Categories = ["red", "green", "blue", "Red"];
    private static readonly string[] Prefixes = ["Alpha", "beta", "GAMMA"];

    public static Doc Create(int i) => new(
        Id: string.Create(CultureInfo.InvariantCulture, $"d{i:D5}"),
        Tenant: string.Create(CultureInfo.InvariantCulture, $"t{i % 5}"),
        Bucket: string.Create(CultureInfo.InvariantCulture, $"b{i / 5 % 4}"),
        N: i,
        Score: (i * 37 % 1000) / 10.0,
        Name: Prefixes[i % 3] + "-" + (i % 97).ToString("D3", CultureInfo.InvariantCulture),
        Category: i % 10 == 9 ? null : Categories[i % 4],
        NoteKind: (i % 7) switch { 0 => NoteKind.Null, 1 => NoteKind.Missing, _ => NoteKind.Text },
        Tags: i % 5 == 0 ? [] : [string.Create(CultureInfo.InvariantCulture, $"x{i % 3}"), string.Create(CultureInfo.InvariantCulture, $"y{i % 4}")],
        Items: [new Item($"s{i % 6}", i % 9), new Item($"s{(i + 1) % 6}", i * 3 % 11)],
        Active: i % 2 == 0,
        CreatedAt: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));

    public JObject ToJson()
    {
        var j = new JObject
        {
            ["id"] = Id,
            ["tenant"] = Tenant,
            ["bucket"] = Bucket,
            ["n"] = N,
            ["score"] = Score,
            ["name"] = Name,
            ["tags"] = new JArray(Tags),
            ["items"] = new JArray(Items.Select(x => new JObject { ["sku"] = x.Sku, ["qty"] = x.Qty })),
            ["active"] = Active,
            ["createdAt"] = CreatedAt,
        };
        if (Category is not null)
        {
            j["category"] = Category;
        }

        if (NoteKind == NoteKind.Null)
        {
            j["note"] = JValue.CreateNull();
        }
        else if (NoteKind == NoteKind.Text)
        {
            j["note"] = "note " + Id;
        }

        return j;
    }
}

/// <summary>Shape for the SDK's LINQ provider.</summary>
internal sealed class LinqDoc
{
    [Newtonsoft.Json.JsonProperty("id")]
    public string Id { get; set; } = "";

    [Newtonsoft.Json.JsonProperty("n")]
    public int N { get; set; }

    [Newtonsoft.Json.JsonProperty("category")]
    public string? Category { get; set; }
}
