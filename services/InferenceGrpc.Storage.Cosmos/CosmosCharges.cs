using System.Diagnostics.Metrics;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Request units, what Cosmos DB bills, counted on the "InferenceGrpc.Storage" meter per
/// response status, so throttling (429) and its cost show next to the store's timings.
/// </summary>
internal static class CosmosCharges
{
    private static readonly Meter Meter = new(MeasuredInferenceStore.MeterName);
    private static readonly Counter<double> RequestUnits = Meter.CreateCounter<double>("inferencegrpc.cosmos.request_units", "{RU}", "Request units charged by Cosmos DB.");

    public static void Record(ResponseMessage response) =>
        RequestUnits.Add(response.Headers.RequestCharge, new KeyValuePair<string, object?>("status", (int)response.StatusCode));
}
