using System.Net;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using static CosmosProbe.ProbeRunner;

namespace CosmosProbe;

/// <summary>
/// Point operations (read, create, upsert, replace with ETag, patch, delete) and ReadMany, with
/// the status codes the service answers for missing documents, conflicts and stale ETags.
/// </summary>
internal static class PointOperationProbes
{
    internal static async Task RunAsync(Container c)
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

        await RunReadManyAsync(c);
    }

    private static async Task RunReadManyAsync(Container c)
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
}
