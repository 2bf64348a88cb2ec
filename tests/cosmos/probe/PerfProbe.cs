using System.Diagnostics;
using System.Globalization;
using Microsoft.Azure.Cosmos;
using static CosmosProbe.Doc;
using static CosmosProbe.ProbeQuery;
using static CosmosProbe.ResultCheck;

namespace CosmosProbe;

/// <summary>
/// With --perf: 10,000 documents written, then one filtered and ordered query paged to the end,
/// with the times printed as INFO lines.
/// </summary>
internal static class PerfProbe
{
    internal static async Task RunAsync(Database db)
    {
        Container big = await db.CreateContainerAsync(new ContainerProperties("big", "/tenant"));
        var docs = Enumerable.Range(0, 10_000).Select(Doc.Create).ToList();
        var sw = Stopwatch.StartNew();
        await TestContainers.WriteAllAsync(big, docs, d => new PartitionKey(d.Tenant));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"INFO wrote 10000 documents in {sw.ElapsedMilliseconds} ms"));
        sw.Restart();
        await CheckAsync("10k documents: filter + ORDER BY, paged", big, (string?)null,
            Sql("SELECT VALUE c.id FROM c WHERE c.score > @s ORDER BY c.n DESC", ("@s", 50)),
            docs.Where(d => d.Score > 50).OrderByDescending(d => d.N).Select(IdOf), ordered: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"INFO 10k query, all pages: {sw.ElapsedMilliseconds} ms"));
    }
}
