using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// What Cosmos DB reports it did, on the "InferenceGrpc.Storage" meter, per store operation:
/// request units (what it bills) per response status, so throttling (429) and its cost show next
/// to the store's timings, and the documents its query engine retrieved.
/// </summary>
internal static class CosmosCharges
{
    private static readonly Meter Meter = new(MeasuredInferenceStore.MeterName);
    private static readonly Counter<double> RequestUnits = Meter.CreateCounter<double>("inferencegrpc.cosmos.request_units", "{RU}", "Request units charged by Cosmos DB.");
    private static readonly Counter<long> RetrievedDocuments = Meter.CreateCounter<long>(
        "inferencegrpc.cosmos.retrieved_documents", "{document}", "Documents Cosmos DB loaded to answer queries (its retrievedDocumentCount), whether or not they matched.");

    public static void Record(ResponseMessage response) =>
        RequestUnits.Add(response.Headers.RequestCharge, new TagList { { "status", (int)response.StatusCode }, StoreOperation.Tag });

    /// <summary>
    /// The server-side query metrics of one page (the SDK asks for them on every query and parses
    /// the x-ms-documentdb-query-metrics header): the work behind the page, not its size.
    /// </summary>
    public static void RecordQueryPage(ResponseMessage response)
    {
        if (response.Diagnostics?.GetQueryMetrics() is { } metrics)
        {
            RetrievedDocuments.Add(metrics.CumulativeMetrics.RetrievedDocumentCount, StoreOperation.Tag);
        }
    }
}
