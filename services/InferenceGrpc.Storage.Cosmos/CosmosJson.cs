using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Item and query calls through the SDK's stream API with System.Text.Json documents, so no
/// serializer settings stand between our document shapes and the wire.
/// </summary>
internal static class CosmosJson
{
    private const int MaxConcurrencyRetries = 10;

    public static async Task<(JsonObject? Document, string? ETag)> ReadAsync(Container container, string id, PartitionKey key, CancellationToken cancellationToken)
    {
        using var response = await container.ReadItemStreamAsync(id, key, cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            CosmosCharges.Record(response);
            return (null, null);
        }

        EnsureSuccess(response);
        return ((JsonObject)(await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken))!, response.Headers.ETag);
    }

    public static async Task UpsertAsync(Container container, JsonObject document, PartitionKey key, CancellationToken cancellationToken)
    {
        using var response = await container.UpsertItemStreamAsync(Content(document), key, cancellationToken: cancellationToken);
        EnsureSuccess(response);
    }

    /// <summary>
    /// Read, change, write back under an ETag check, and start over when someone else wrote in
    /// between: concurrent feedback for one target cannot lose an update. <paramref name="change"/>
    /// returns null when there is nothing to write.
    /// </summary>
    public static async Task UpdateAsync(Container container, string id, PartitionKey key, Func<JsonObject?, JsonObject?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var (current, etag) = await ReadAsync(container, id, key, cancellationToken);
            var next = change(current);
            if (next is null)
            {
                return;
            }

            using var response = current is null
                ? await container.CreateItemStreamAsync(Content(next), key, cancellationToken: cancellationToken)
                : await container.ReplaceItemStreamAsync(Content(next), id, key, new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken);
            if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
            {
                CosmosCharges.Record(response);
                continue;
            }

            EnsureSuccess(response);
            return;
        }

        throw new InvalidOperationException($"Document '{id}' kept changing under concurrent writes; gave up after {MaxConcurrencyRetries} attempts.");
    }

    /// <summary>Every result of a query, page by page (the SDK follows continuation tokens).</summary>
    public static async IAsyncEnumerable<JsonNode> QueryAsync(Container container, QueryDefinition query, PartitionKey? key, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var iterator = container.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = key, MaxItemCount = 1000 });
        while (iterator.HasMoreResults)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken);
            EnsureSuccess(response);
            CosmosCharges.RecordQueryPage(response);
            var page = await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken);
            foreach (var item in page!["Documents"]!.AsArray())
            {
                yield return item!;
            }
        }
    }

    /// <summary>Counts the response's request charge, then throws unless it succeeded. Every response passes here.</summary>
    public static void EnsureSuccess(ResponseMessage response)
    {
        CosmosCharges.Record(response);
        if (!response.IsSuccessStatusCode)
        {
            throw new CosmosException(response.ErrorMessage ?? response.StatusCode.ToString(), response.StatusCode, 0, response.Headers.ActivityId, response.Headers.RequestCharge);
        }
    }

    private static MemoryStream Content(JsonObject document) => new(Encoding.UTF8.GetBytes(document.ToJsonString()));
}
