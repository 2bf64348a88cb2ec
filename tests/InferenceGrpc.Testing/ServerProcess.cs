using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InferenceGrpc.Testing;

/// <summary>
/// The service as a separate process on free ports, for what an in-process host cannot show:
/// a kill -9, a restart on the same files. Its addresses are read from what it prints.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri grpc, Uri http)
    {
        _process = process;
        Grpc = grpc;
        Http = http;
    }

    public Uri Grpc { get; }

    public Uri Http { get; }

    /// <summary>The operating system's id of the server process.</summary>
    public int ProcessId => _process.Id;

    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        string[] all =
        [
            Path.Combine(AppContext.BaseDirectory, "InferenceGrpc.Server.dll"),
            "--Server:GrpcPort=0", "--Server:HttpPort=0",
            $"--Storage:Sqlite:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
            .. arguments,
        ];
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        var printed = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            printed.Add(line);
            if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
            {
                // Keep draining both pipes, or a server that logs enough would block on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                var text = string.Join('\n', printed);
                return new ServerProcess(process, new Uri(Address(text, "cleartext")), new Uri(Address(text, "HTTP/1")));
            }
        }

        throw new InvalidOperationException("The server exited before listening: " + string.Join('\n', printed) + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        await Task.CompletedTask;
        _process.Dispose();
    }

    private static string Address(string printed, string kind) =>
        AddressPattern().Matches(printed).First(m => m.Groups["kind"].Value.Contains(kind, StringComparison.Ordinal)).Groups["url"].Value;

    [GeneratedRegex(@"^\s*(?<kind>[^:]+):\s+(?<url>http://\S+)", RegexOptions.Multiline)]
    private static partial Regex AddressPattern();
}
