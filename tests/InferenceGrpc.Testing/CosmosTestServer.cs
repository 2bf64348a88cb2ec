using System.Diagnostics;

namespace InferenceGrpc.Testing;

/// <summary>
/// tests/cosmos/launcher.mjs (@vercel/cosmosdb-server with our compatibility patches) on a free
/// port, for suites that run against Cosmos DB. The server lives until disposed; closing its
/// standard input stops it.
/// </summary>
public sealed class CosmosTestServer : IAsyncDisposable
{
    /// <summary>The well-known key of the Cosmos DB emulator; the test server accepts any.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly Process _process;

    private CosmosTestServer(Process process, string endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public static async Task<CosmosTestServer> StartAsync(CancellationToken cancellationToken)
    {
        // The SDK's query-plan parser is native code that this platform lacks; the server plans queries itself.
        Environment.SetEnvironmentVariable("AZURE_COSMOS_BYPASS_QUERY_PARSING", "true");
        var start = new ProcessStartInfo("node", [RepositoryPaths.Combine("tests", "cosmos", "launcher.mjs"), "--port", "0"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Cosmos test server.");
        var line = await process.StandardOutput.ReadLineAsync(cancellationToken)
            ?? throw new InvalidOperationException("The Cosmos test server exited: " + await process.StandardError.ReadToEndAsync(cancellationToken));
        const string Prefix = "COSMOS_ENDPOINT=";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Unexpected output from the Cosmos test server: " + line);
        }

        return new CosmosTestServer(process, line[Prefix.Length..]);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
