using System.Diagnostics;

namespace InferenceGrpc.Testing;

/// <summary>
/// tests/cosmos/launcher.mjs (@vercel/cosmosdb-server with our compatibility patches) on a free
/// port, for tests that run the real Cosmos DB SDK. The server lives until disposed; closing its
/// standard input stops it.
/// </summary>
public sealed class CosmosTestServer : IAsyncDisposable
{
    /// <summary>The well-known key of the Cosmos DB emulator; the test server accepts any.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly Process _server;

    private CosmosTestServer(Process server, string endpoint)
    {
        _server = server;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public static async Task<CosmosTestServer> StartAsync()
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await server.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("The Cosmos test server exited: " + await server.StandardError.ReadToEndAsync());
        const string Prefix = "COSMOS_ENDPOINT=";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Unexpected output from the Cosmos test server: " + line);
        }

        return new CosmosTestServer(server, line[Prefix.Length..]);
    }

    /// <summary>Makes the next <paramref name="count"/> document requests answer 429 with this retry-after, as a throttled account does.</summary>
    public async Task ThrottleAsync(int count, TimeSpan retryAfter)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Endpoint) };
        using var content = new StringContent($"{{\"count\": {count}, \"retryAfterMs\": {(long)retryAfter.TotalMilliseconds}}}", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/_test/throttle", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Stops the server process (SIGSTOP) without closing anything: to clients it hangs, as a store in trouble does, and keeps its data.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>Lets a frozen server run on (SIGCONT), with every document it had.</summary>
    public Task ThawAsync() => SignalAsync("CONT");

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

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_server.Id} failed with exit code {kill.ExitCode}.");
        }
    }
}
