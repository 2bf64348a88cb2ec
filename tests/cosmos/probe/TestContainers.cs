using System.Diagnostics;
using System.Globalization;
using Microsoft.Azure.Cosmos;

namespace CosmosProbe;

/// <summary>
/// The probes' containers and how documents get into them.
/// </summary>
internal static class TestContainers
{
    /// <summary>The main container: partitioned by /tenant, with the composite index (category ASC, n DESC).</summary>
    internal static async Task<Container> CreateFlatContainerAsync(Database db, List<Doc> docs)
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

    /// <summary>Creates the documents, 16 at a time.</summary>
    internal static async Task WriteAllAsync(Container container, IEnumerable<Doc> docs, Func<Doc, PartitionKey> pk)
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
}
