using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Health.V1;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.FuzzTests.Engine;
using InferenceGrpc.FuzzTests.Mutation;
using InferenceGrpc.SampleData;
using InferenceGrpc.Server;
using Microsoft.Extensions.Logging;

namespace InferenceGrpc.FuzzTests.Infrastructure;

/// <summary>
/// The real host in-process on free ports, over a fresh SQLite store seeded with a small
/// deterministic sample data set (project "default"), with every error it logs kept in
/// <see cref="ErrorLog"/>. Each test class that fuzzes gets its own, so writes never meet reads.
/// </summary>
public sealed class FuzzServer : IAsyncLifetime
{
    public const int SampleInferences = 40;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inferencegrpc-fuzz-");
    private InferenceGrpcHost? _host;

    public ServerErrorLog ErrorLog { get; } = new();

    public FuzzClient Client { get; private set; } = null!;

    public FuzzSettings Settings { get; } = FuzzSettings.FromEnvironment();

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(
            ["--Server:GrpcPort=0", "--Server:HttpPort=0", $"--Storage:Sqlite:DataDirectory={_directory.FullName}"],
            builder => builder.Logging.AddProvider(ErrorLog));
        await _host.StartAsync();
        Client = new FuzzClient(_host.Endpoints.Grpc!, _host.Endpoints.Http!, Settings.Timeout);
        var sample = new SampleDataGenerator(new SampleDataOptions { InferenceCount = SampleInferences });
        await CallAsync<WriteRecordsResponse>("/inference.v1.IngestionService/WriteRecords", new WriteRecordsRequest { Records = { sample.GenerateRecords() } });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    /// <summary>One unary call over gRPC that must succeed.</summary>
    public async Task<TResponse> CallAsync<TResponse>(string path, IMessage request)
        where TResponse : IMessage<TResponse>, new()
    {
        var reply = await Client.SendAsync(Wire.Grpc, path, GrpcFrames.Frame(request));
        if (reply.GrpcStatus != "0" || reply.Messages.Count != 1)
        {
            throw new InvalidOperationException($"{path} failed: {reply}");
        }

        return new MessageParser<TResponse>(() => new TResponse()).ParseFrom(reply.Messages[0]);
    }

    public async Task<bool> IsServingAsync()
    {
        var health = await CallAsync<HealthCheckResponse>("/grpc.health.v1.Health/Check", new HealthCheckRequest());
        return health.Status == HealthCheckResponse.Types.ServingStatus.Serving;
    }

    /// <summary>
    /// A digest of what the store holds for the projects, read through the public APIs: every
    /// inference as ListInferences returns it (with its latest feedback) and every API key.
    /// </summary>
    public async Task<string> StoreDigestAsync(params string[] projects)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var project in projects)
        {
            var list = await CallAsync<ListInferencesResponse>(
                "/inference.v1.InferenceQueryService/ListInferences",
                new ListInferencesRequest { Project = project, Limit = 1000, IncludeTotalCount = true });
            hash.AppendData(list.ToByteArray());
            var keys = await CallAsync<ListApiKeysResponse>("/inference.v1.ApiKeyService/ListApiKeys", new ListApiKeysRequest { Project = project });
            hash.AppendData(keys.ToByteArray());
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
