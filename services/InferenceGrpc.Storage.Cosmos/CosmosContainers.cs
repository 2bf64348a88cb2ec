using System.Collections.ObjectModel;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// The database and its three containers, created on first use when missing, with hierarchical
/// partition keys and the composite indexes the compiler's ORDER BY clauses need.
/// </summary>
internal sealed class CosmosContainers
{
    private CosmosContainers(Container inferences, Container feedback, Container records)
    {
        Inferences = inferences;
        Feedback = feedback;
        Records = records;
    }

    /// <summary>Inferences, partitioned by [tenant, day of id].</summary>
    public Container Inferences { get; }

    /// <summary>Feedback and per-target summaries, partitioned by [tenant, day of target id].</summary>
    public Container Feedback { get; }

    /// <summary>Metric definitions, evaluation runs, trials, inference evaluations, partitioned by [tenant, kind].</summary>
    public Container Records { get; }

    public static async Task<CosmosContainers> CreateAsync(CosmosClient client, string databaseName, CancellationToken cancellationToken)
    {
        Database database = await client.CreateDatabaseIfNotExistsAsync(databaseName, cancellationToken: cancellationToken);
        var inferences = await CreateAsync(database, "inferences", [CosmosKeys.TenantPath, CosmosKeys.DayPath], InferenceIndexing(), cancellationToken);
        var feedback = await CreateAsync(database, "feedback", [CosmosKeys.TenantPath, CosmosKeys.DayPath], Excluding("/body/?"), cancellationToken);
        var records = await CreateAsync(database, "records", [CosmosKeys.TenantPath, CosmosKeys.KindPath], Excluding("/body/?"), cancellationToken);
        return new CosmosContainers(inferences, feedback, records);
    }

    private static async Task<Container> CreateAsync(Database database, string name, List<string> partitionKeyPaths, IndexingPolicy indexing, CancellationToken cancellationToken)
    {
        var properties = new ContainerProperties(name, partitionKeyPaths) { IndexingPolicy = indexing };
        return await database.CreateContainerIfNotExistsAsync(properties, cancellationToken: cancellationToken);
    }

    private static IndexingPolicy Excluding(params string[] paths)
    {
        var policy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true };
        policy.IncludedPaths.Add(new IncludedPath { Path = "/*" });
        foreach (var path in paths)
        {
            policy.ExcludedPaths.Add(new ExcludedPath { Path = path });
        }

        return policy;
    }

    /// <summary>
    /// The body and search text are never range-filtered. A multi-key ORDER BY needs a composite
    /// index with exactly its paths and directions: the compiler's are (createdS, id) and
    /// (createdMs, id), in any direction pair (ascending timestamps keep the id tie-break descending; an 'after'
    /// cursor inverts both).
    /// </summary>
    private static IndexingPolicy InferenceIndexing()
    {
        var policy = Excluding("/body/?", "/searchText/?");
        var orders = new[] { CompositePathSortOrder.Ascending, CompositePathSortOrder.Descending };
        foreach (var time in orders)
        {
            foreach (var id in orders)
            {
                policy.CompositeIndexes.Add(Composite(("/createdS", time), ("/id", id)));
                policy.CompositeIndexes.Add(Composite(("/createdMs", time), ("/id", id)));
            }
        }

        return policy;
    }

    private static Collection<CompositePath> Composite(params (string Path, CompositePathSortOrder Order)[] paths) =>
        new(paths.Select(p => new CompositePath { Path = p.Path, Order = p.Order }).ToList());
}
