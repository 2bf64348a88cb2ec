using System.Text.Json;
using InferenceGrpc.FunctionalTests.Conformance;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FunctionalTests.Browser;

/// <summary>
/// The service as a process on a store seeded with sample data, and the browser driver
/// (tests/browser/run.mjs: Debian's headless Chromium running connect-web) run against it once,
/// on first use. The service runs as a process, built and seeded as a user would run it, so the
/// page talks to the same program that ships; the seed is deterministic, so the cases can rely on
/// its functions, tags and metrics.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const int SeededInferences = 2000;
    private static readonly TimeSpan SeedLimit = TimeSpan.FromMinutes(2);

    // The page bounds each case at 30 s and itself at 150 s; Chromium's start comes on top.
    private static readonly TimeSpan DriverLimit = TimeSpan.FromMinutes(4);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("inferencegrpc-browser-").FullName;
    private readonly Lazy<Task<IReadOnlyList<PeerCaseResult>>> _results;
    private ServerProcess? _server;

    public BrowserFixture() => _results = new(RunDriverAsync);

    public async Task InitializeAsync()
    {
        var seed = await ExternalProcess.RunAsync(
            "dotnet",
            [
                Path.Combine(AppContext.BaseDirectory, "InferenceGrpc.Server.dll"), "seed",
                "--count", SeededInferences.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"--Storage:Sqlite:DataDirectory={_dataDirectory}",
            ],
            SeedLimit);
        if (seed.ExitCode != 0)
        {
            throw new InvalidOperationException($"seed failed (exit {seed.ExitCode}): {seed.StandardError}");
        }

        _server = await ServerProcess.StartAsync(_dataDirectory);
    }

    /// <summary>The driver's cases, one per JSON line it printed.</summary>
    public Task<IReadOnlyList<PeerCaseResult>> ResultsAsync() => _results.Value;

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<IReadOnlyList<PeerCaseResult>> RunDriverAsync()
    {
        var server = _server ?? throw new InvalidOperationException("The service has not started.");

        // The conformance peers' flags; the driver needs only --http (gRPC-Web on HTTP/1.1).
        var result = await ExternalProcess.RunAsync(
            "node",
            ["tests/browser/run.mjs", "--http", server.Http.Authority, "--grpc", server.Grpc.Authority, "--protos", RepositoryPaths.Protos],
            DriverLimit);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"tests/browser/run.mjs crashed (exit {result.ExitCode}); scripts/install-test-deps.sh installs Chromium and its npm packages. {result.StandardError}");
        }

        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonSerializer.Deserialize<PeerCaseResult>(line)!)
            .ToList();
    }
}
