using InferenceGrpc.Api.Tests.Infrastructure;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.TrueFoundry;

/// <summary>The host over SQLite, seeded with <see cref="MetricsDataSet"/>.</summary>
public class MetricsServer : ApiServer
{
    public Task<RestReply> QueryAsync(string body) => PostAsync("/api/svc/v1/llm-gateway/metrics/query", body);

    protected override IEnumerable<Record> SeedRecords() => MetricsDataSet.Records();
}
