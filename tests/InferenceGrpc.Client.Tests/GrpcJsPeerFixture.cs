using System.Diagnostics;

namespace InferenceGrpc.Client.Tests;

/// <summary>
/// The @grpc/grpc-js reference EchoService (tests/conformance/peers/grpc_js_server.mjs), run as a
/// child process: a server whose wire layer we did not write. It prints "LISTENING port" once
/// bound and exits when its standard input closes, so it cannot outlive the test run.
/// </summary>
public sealed class GrpcJsPeerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private Process? _process;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var conformance = Path.Combine(root, "tests", "conformance");
        var script = Path.Combine(conformance, "peers", "grpc_js_server.mjs");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException("The grpc-js reference server is missing.", script);
        }

        if (!Directory.Exists(Path.Combine(conformance, "node_modules", "@grpc", "grpc-js")))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], conformance, TimeSpan.FromMinutes(5));
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = conformance, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--protos");
        start.ArgumentList.Add(Path.Combine(root, "protos"));
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errors = _process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                Address = new Uri($"http://127.0.0.1:{int.Parse(line["LISTENING ".Length..])}");
                return;
            }
        }

        throw new InvalidOperationException($"The grpc-js server exited before listening: {await errors}");
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        // Closing stdin is the server's signal to exit; kill only if it does not.
        _process.StandardInput.Close();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>The directory holding InferenceGrpc.sln, found by walking up from the test binaries.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InferenceGrpc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No InferenceGrpc.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task RunAsync(string fileName, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
