using System.Net;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using static CosmosProbe.Doc;
using static CosmosProbe.ProbeQuery;
using static CosmosProbe.ProbeRunner;
using static CosmosProbe.ResultCheck;

namespace CosmosProbe;

/// <summary>
/// A container with a hierarchical partition key (/tenant, /bucket): point operations by the
/// whole key, and queries by the whole key, by a prefix of it, and across partitions.
/// </summary>
internal static class HierarchicalKeyProbes
{
    internal static async Task RunAsync(Database db, List<Doc> docs)
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
        await TestContainers.WriteAllAsync(h, subset, d => new PartitionKeyBuilder().Add(d.Tenant).Add(d.Bucket).Build());
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
            Sql("SELECT VALUE c.id FROM c WHERE c.n >= @n", ("@n", 0)),
            subset.Where(d => d.Tenant == "t1" && d.Bucket == "b2").Select(IdOf), ordered: false);
        await CheckAsync("hierarchical query, prefix key (tenant only)", h, prefix,
            Sql("SELECT VALUE c.id FROM c WHERE c.n >= @n ORDER BY c.n DESC", ("@n", 0)),
            subset.Where(d => d.Tenant == "t1").OrderByDescending(d => d.N).Select(IdOf), ordered: true);
        await CheckAsync("hierarchical query, cross-partition", h, (PartitionKey?)null,
            Sql("SELECT VALUE c.id FROM c WHERE c.bucket = @b ORDER BY c.n", ("@b", "b1")),
            subset.Where(d => d.Bucket == "b1").OrderBy(d => d.N).Select(IdOf), ordered: true);
    }
}
