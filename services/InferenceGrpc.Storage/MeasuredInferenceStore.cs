using System.Diagnostics;
using System.Diagnostics.Metrics;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;

namespace InferenceGrpc.Storage;

/// <summary>
/// Measures every store operation on the "InferenceGrpc.Storage" meter: how long it took, how
/// many rows it returned or wrote, and whether it failed, tagged by operation. Wraps any store,
/// so both backends report the same figures; each backend adds what it did to answer, under the
/// same tag (<see cref="StoreOperation"/>).
/// </summary>
public sealed class MeasuredInferenceStore(IInferenceStore inner) : IInferenceStore
{
    public const string MeterName = "InferenceGrpc.Storage";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("inferencegrpc.store.duration", "s", "Time of one store operation.");
    private static readonly Counter<long> Rows = Meter.CreateCounter<long>("inferencegrpc.store.rows", "{row}", "Rows a store operation returned (reads) or stored (writes).");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("inferencegrpc.store.failures", "{operation}", "Store operations that threw.");

    public IInferenceStore Inner => inner;

    public Task WriteAsync(TenantId tenant, RecordBatch batch, CancellationToken cancellationToken) =>
        MeasureAsync("write", async () =>
        {
            await inner.WriteAsync(tenant, batch, cancellationToken);
            return batch.Count;
        });

    public Task<IReadOnlyList<InferenceResult>> GetInferencesAsync(TenantId tenant, IReadOnlyCollection<Guid> ids, OutputSource outputSource, CancellationToken cancellationToken) =>
        MeasureAsync("get_inferences", () => inner.GetInferencesAsync(tenant, ids, outputSource, cancellationToken), results => results.Count);

    public Task<InferencePage> QueryInferencesAsync(TenantId tenant, InferenceQuery query, CancellationToken cancellationToken) =>
        MeasureAsync("query_inferences", () => inner.QueryInferencesAsync(tenant, query, cancellationToken), page => page.Items.Count);

    public Task<IReadOnlyDictionary<string, MetricDefinition>> GetMetricDefinitionsAsync(TenantId tenant, CancellationToken cancellationToken) =>
        MeasureAsync("get_metric_definitions", () => inner.GetMetricDefinitionsAsync(tenant, cancellationToken), metrics => metrics.Count);

    public Task<bool> FunctionExistsAsync(TenantId tenant, string functionName, CancellationToken cancellationToken) =>
        MeasureAsync("function_exists", () => inner.FunctionExistsAsync(tenant, functionName, cancellationToken), _ => 0);

    public Task CheckHealthAsync(CancellationToken cancellationToken) =>
        MeasureAsync("check_health", async () =>
        {
            await inner.CheckHealthAsync(cancellationToken);
            return 0;
        });

    private static Task<int> MeasureAsync(string operation, Func<Task<int>> run) => MeasureAsync(operation, run, rows => rows);

    private static async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> run, Func<T, int> rows)
    {
        var started = Stopwatch.GetTimestamp();
        StoreOperation.Enter(operation);
        var tag = StoreOperation.Tag;
        try
        {
            var result = await run();
            Rows.Add(rows(result), tag);
            return result;
        }
        catch
        {
            Failures.Add(1, tag);
            throw;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        }
    }
}
