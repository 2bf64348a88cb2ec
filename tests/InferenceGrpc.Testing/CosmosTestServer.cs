using System.Diagnostics;

namespace InferenceGrpc.Testing;

/// <summary>
/// tests/cosmos/launcher.mjs (@vercel/cosmosdb-server with our compatibility patches) on a free
/// port. It lives until disposed; closing its standard input stops it.
/// </summary>
public sealed class CosmosTestServer : IAsyncDisposable
{
    /// <summary>The well-known key of the Cosmos DB emulator; the test server accepts any.</summary>
    public const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private const string Prefix = "COSMOS_ENDPOINT=";

    private readonly Process _server;

    private CosmosTestServer(Process server, string endpoint)
    {
        _server = server;
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
        var server = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Cosmos test server.");
        var line = await server.StandardOutput.ReadLineAsync(cancellationToken)
            ?? throw new InvalidOperationException("The Cosmos test server exited: " + await server.StandardError.ReadToEndAsync(cancellationToken));
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Unexpected output from the Cosmos test server: " + line);
        }

        return new CosmosTestServer(server, line[Prefix.Length..]);
    }

    public async ValueTask DisposeAsync()
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
