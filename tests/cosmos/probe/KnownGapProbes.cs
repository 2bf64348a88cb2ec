using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;

namespace CosmosProbe;

/// <summary>
/// Features the test server does not support (see README.md): reported as INFO lines, not
/// counted as passed or failed.
/// </summary>
internal static class KnownGapProbes
{
    internal static async Task RunAsync(Container c)
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
}
