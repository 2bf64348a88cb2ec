using System.Globalization;
using Microsoft.Azure.Cosmos;

namespace CosmosProbe;

/// <summary>
/// Runs the real Microsoft.Azure.Cosmos SDK against the in-memory test server started by
/// tests/cosmos/launcher.mjs and checks every query feature the store's filter compiler emits
/// against the same computation in LINQ to objects. Prints one PASS/FAIL line per probe and a
/// closing "N passed, N failed" line; exits non-zero when any probe failed.
/// Usage: dotnet run --project tests/cosmos/probe -- http://127.0.0.1:PORT/ [--perf]
/// The probes are grouped by feature, one class per group (*Probes.cs).
/// </summary>
internal static class Program
{
    // The well-known key of the Cosmos DB emulator; the test server accepts any key.
    private const string EmulatorKey =
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private const int DocCount = 2000;

    private static async Task<int> Main(string[] args)
    {
        var endpoint = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
            ?? Environment.GetEnvironmentVariable("COSMOS_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint))
        {
            Console.Error.WriteLine("usage: CosmosProbe http://127.0.0.1:PORT/ [--perf]");
            return 2;
        }

        if (Environment.GetEnvironmentVariable("AZURE_COSMOS_BYPASS_QUERY_PARSING") != "true")
        {
            Console.WriteLine("WARN AZURE_COSMOS_BYPASS_QUERY_PARSING is not 'true' in this process");
        }

        using var client = CreateClient(endpoint);
        var dbName = "probe-" + Guid.NewGuid().ToString("N")[..8];
        Database db = await client.CreateDatabaseIfNotExistsAsync(dbName);
        try
        {
            var docs = Enumerable.Range(0, DocCount).Select(Doc.Create).ToList();
            var container = await TestContainers.CreateFlatContainerAsync(db, docs);
            await QueryProbes.RunAsync(container, docs);
            await ContinuationProbes.RunAsync(container, docs);
            await PointOperationProbes.RunAsync(container);
            await HierarchicalKeyProbes.RunAsync(db, docs);
            await ChangeFeedProbes.RunAsync(db);
            await KnownGapProbes.RunAsync(container);
            if (args.Contains("--perf"))
            {
                await PerfProbe.RunAsync(db);
            }
        }
        finally
        {
            await db.DeleteAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ProbeRunner.Passed} passed, {ProbeRunner.Failed} failed"));
        return ProbeRunner.Failed == 0 ? 0 : 1;
    }

    /// <summary>The client settings that work against the test server.</summary>
    internal static CosmosClient CreateClient(string endpoint) =>
        new($"AccountEndpoint={endpoint};AccountKey={EmulatorKey}", new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            AllowBulkExecution = false,
            RequestTimeout = TimeSpan.FromSeconds(30),
            MaxRetryAttemptsOnRateLimitedRequests = 0,
            // Only for `launcher.mjs --tls`, whose certificate is self-signed; unused over http.
            ServerCertificateCustomValidationCallback = endpoint.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
                ? (_, _, _) => true
                : null,
        });
}
