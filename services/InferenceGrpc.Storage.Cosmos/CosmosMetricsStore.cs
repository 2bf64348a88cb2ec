using System.Text.Json.Nodes;
using InferenceGrpc.Storage.Metrics;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Metrics over Cosmos DB, aggregated by Cosmos' GROUP BY within the tenant's partitions (see
/// <see cref="CosmosMetricsCompiler"/>): one query for the counts, sums, averages, minima and
/// maxima; one per countDistinct column (a GROUP BY on the column too, whose rows the store
/// counts: Cosmos has no COUNT(DISTINCT) and no aggregate over a GROUP BY subquery); two per
/// percentile column (<see cref="CosmosPercentiles"/>).
/// </summary>
public sealed class CosmosMetricsStore(CosmosInferenceStore store) : IMetricsStore
{
    public async Task<IReadOnlyList<MetricsRow>> QueryMetricsAsync(TenantId tenant, MetricsQuery query, CancellationToken cancellationToken)
    {
        StoreOperation.Enter("query_metrics");
        var containers = await store.ContainersAsync();
        var compiler = new CosmosMetricsCompiler(tenant.Value, query);
        async Task<List<JsonNode>> Run(QueryDefinition definition)
        {
            var rows = new List<JsonNode>();
            await foreach (var row in CosmosJson.QueryAsync(containers.Inferences, definition, CosmosKeys.ForTenant(tenant.Value), cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        }

        var groups = (await Run(compiler.Main(query.Aggregations)))
            .ToDictionary(r => CosmosPercentiles.GroupKey(r, compiler.KeyCount), StringComparer.Ordinal);
        var values = groups.ToDictionary(
            g => g.Key,
            g => query.Aggregations.Select((a, i) => Number(g.Value[$"a{i}"]) ?? (a.Aggregate is MetricsAggregate.Sum or MetricsAggregate.CountDistinct ? 0 : null)).ToArray(),
            StringComparer.Ordinal);

        foreach (var (column, indexes) in Columns(query, MetricsAggregate.CountDistinct))
        {
            var counts = (await Run(compiler.DistinctValues(column))).CountBy(r => CosmosPercentiles.GroupKey(r, compiler.KeyCount));
            foreach (var (key, count) in counts)
            {
                indexes.ForEach(i => values[key][i] = count);
            }
        }

        var percentiles = new CosmosPercentiles(compiler, Run);
        foreach (var (column, indexes) in Columns(query, MetricsAggregate.Percentile))
        {
            var computed = await percentiles.ComputeAsync(column, indexes.Select(i => query.Aggregations[i].Fraction).ToList());
            foreach (var (key, results) in computed)
            {
                for (var j = 0; j < indexes.Count; j++)
                {
                    values[key][indexes[j]] = results[j];
                }
            }
        }

        var dimensionsFrom = compiler.KeyCount - query.GroupBy.Count;
        var rows = groups.Select(g => new MetricsRow(
                query.BucketMs is { } width ? (long)Number(g.Value["k1"])!.Value * width : null,
                Enumerable.Range(dimensionsFrom, query.GroupBy.Count).Select(i => (string?)g.Value[$"k{i}"]).ToList(),
                (long)Number(g.Value["n"])!.Value,
                values[g.Key]))
            .ToList();
        rows.Sort(MetricsRowOrder.Instance);
        return rows;
    }

    /// <summary>The query's aggregations of one kind, by column: the positions that share one store pass.</summary>
    private static IEnumerable<(MetricsField Column, List<int> Indexes)> Columns(MetricsQuery query, MetricsAggregate aggregate) =>
        query.Aggregations
            .Select((a, i) => (a, i))
            .Where(x => x.a.Aggregate == aggregate)
            .GroupBy(x => x.a.Column)
            .Select(g => (g.Key, g.Select(x => x.i).ToList()));

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
}
