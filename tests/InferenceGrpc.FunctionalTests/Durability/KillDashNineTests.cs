using System.Net.Http.Json;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Testing;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Query;
using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.FunctionalTests.Durability;

/// <summary>
/// Acknowledged means durable: batches acknowledged before the service is killed with SIGKILL
/// are all there after a restart, and the batch in flight at the kill is stored whole or not at
/// all. Which of the two happens to the last batch depends on timing; the test accepts either.
/// </summary>
public sealed class KillDashNineTests : IDisposable
{
    private const int Batches = 20;
    private const int BatchSize = 50;
    private static readonly TenantId Tenant = TenantId.Parse("durability");
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("inferencegrpc-kill9-").FullName;

    [Fact]
    public async Task Write_ServiceKilledWithSigkill_AcknowledgedBatchesSurviveAndInFlightBatchIsWholeOrAbsent()
    {
        var acknowledged = new List<Guid>();
        List<Guid> inFlight;
        await using (var server = await ServerProcess.StartAsync(_dataDirectory))
        {
            using var http = new HttpClient { BaseAddress = server.Http };
            for (var batch = 0; batch < Batches; batch++)
            {
                var ids = NewIds();
                using var response = await PostAsync(http, ids);
                response.EnsureSuccessStatusCode();
                acknowledged.AddRange(ids);
            }

            inFlight = NewIds();
            var pending = PostAsync(http, inFlight);
            server.Kill();
            try
            {
                // The connection usually dies with the process; an answer that got out first is fine too.
                (await pending).Dispose();
            }
            catch (HttpRequestException)
            {
            }
        }

        await using (var restarted = await ServerProcess.StartAsync(_dataDirectory))
        {
            using var http = new HttpClient { BaseAddress = restarted.Http };
            using var response = await PostAsync(http, NewIds());
            response.EnsureSuccessStatusCode();
        }

        using var store = new SqliteInferenceStore(new SqliteStoreOptions { DataDirectory = _dataDirectory });
        var survived = await store.GetInferencesAsync(Tenant, acknowledged, OutputSource.Inference, default);
        var partial = await store.GetInferencesAsync(Tenant, inFlight, OutputSource.Inference, default);

        Assert.Equal(Batches * BatchSize, survived.Count);
        Assert.True(partial.Count is 0 or BatchSize, $"The batch in flight was half stored: {partial.Count} of {BatchSize}.");
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static List<Guid> NewIds() => Enumerable.Range(0, BatchSize).Select(_ => Uuid7.New()).ToList();

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, IEnumerable<Guid> ids) =>
        http.PostAsJsonAsync($"/v1/projects/{Tenant}/records:write", new
        {
            records = ids.Select(id => new { inference = new { id = Uuid7.Format(id), functionName = "durable", variantName = "v" } }),
        });
}
