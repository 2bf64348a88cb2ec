using System.Collections.Concurrent;
using System.Text.Json;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Testing;

namespace InferenceGrpc.FunctionalTests.Conformance;

/// <summary>
/// Starts the server once and runs each peer script against it once, on first use; the matrix
/// tests then read the results case by case.
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromMinutes(3);
    private readonly ConcurrentDictionary<Peer, Lazy<Task<IReadOnlyList<PeerCaseResult>>>> _runs = new();

    public ServerFixture Server { get; } = new();

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();

    public Task<IReadOnlyList<PeerCaseResult>> ResultsAsync(Peer peer) =>
        _runs.GetOrAdd(peer, p => new Lazy<Task<IReadOnlyList<PeerCaseResult>>>(() => RunAsync(p))).Value;

    private async Task<IReadOnlyList<PeerCaseResult>> RunAsync(Peer peer)
    {
        var endpoints = Server.Endpoints;
        string[] arguments =
        [
            .. peer.Arguments,
            "--grpc", endpoints.Grpc!.Authority,
            "--http", endpoints.Http!.Authority,
            "--tls", endpoints.Tls!.Authority,
            "--ca", Server.CertificatePath,
            "--protos", RepositoryPaths.Protos,
        ];
        var result = await ExternalProcess.RunAsync(peer.Program, arguments, ScriptLimit);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{peer.Script} crashed (exit {result.ExitCode}): {result.StandardError}");
        }

        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonSerializer.Deserialize<PeerCaseResult>(line)!)
            .ToList();
    }
}
