using System.Diagnostics;
using InferenceGrpc.Storage.Cosmos;

namespace InferenceGrpc.Storage.Tests;

/// <summary>
/// Starts tests/cosmos/launcher.mjs (@vercel/cosmosdb-server with our compatibility patches) on
/// a free port and points a <see cref="CosmosInferenceStore"/> at it. The server lives as long as
/// the fixture; closing its standard input stops it.
/// </summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    /// <summary>The well-known key of the Cosmos DB emulator; the test server accepts any.</summary>
    private const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private Process? _server;
    private CosmosInferenceStore? _store;

    public CosmosInferenceStore Store => _store ?? throw new InvalidOperationException("The Cosmos test server has not started.");

    public async Task InitializeAsync()
    {
        // The SDK's query-plan parser is native code that this platform lacks; the server plans queries itself.
        Environment.SetEnvironmentVariable("AZURE_COSMOS_BYPASS_QUERY_PARSING", "true");
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryRoot(), "tests", "cosmos", "launcher.mjs"), "--port", "0"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _server = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Cosmos test server.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await _server.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("The Cosmos test server exited: " + await _server.StandardError.ReadToEndAsync());
        const string Prefix = "COSMOS_ENDPOINT=";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Unexpected output from the Cosmos test server: " + line);
        }

        _store = new CosmosInferenceStore(new CosmosStoreOptions
        {
            Endpoint = line[Prefix.Length..],
            Key = EmulatorKey,
            Database = "contract-tests",
            GatewayModeOnly = true,
        });
        await _store.CheckHealthAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_server is not null)
        {
            _server.StandardInput.Close();
            if (!_server.WaitForExit(5000))
            {
                _server.Kill(entireProcessTree: true);
            }

            await _server.WaitForExitAsync();
            _server.Dispose();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "InferenceGrpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("InferenceGrpc.sln not found above " + AppContext.BaseDirectory);
    }
}
