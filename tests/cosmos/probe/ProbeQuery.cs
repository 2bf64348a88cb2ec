using Microsoft.Azure.Cosmos;

namespace CosmosProbe;

/// <summary>
/// How the probes build queries: SQL with parameters, and request options that page by
/// PageSize items so every large result crosses several pages.
/// </summary>
internal static class ProbeQuery
{
    internal const int PageSize = 50;

    internal static QueryDefinition Sql(string sql, params (string Name, object Value)[] parameters)
    {
        var q = new QueryDefinition(sql);
        foreach (var (name, value) in parameters)
        {
            q = q.WithParameter(name, value);
        }

        return q;
    }

    internal static QueryRequestOptions Options(string? pk) => Options(pk is null ? null : new PartitionKey(pk));

    internal static QueryRequestOptions Options(PartitionKey? pk) =>
        new() { MaxItemCount = PageSize, PartitionKey = pk };
}
