using InferenceGrpc.Api.Keys;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>
/// The service in-process with API keys required, two projects ("alpha" with three inferences,
/// "beta" with two) and keys of every role, made the way the bootstrap command makes them.
/// </summary>
public sealed class KeyedServerFixture : IAsyncLifetime
{
    public static readonly Method<ListInferencesRequest, ListInferencesResponse> List = new(InferenceQueryServiceReflection.Descriptor.Services[0], "ListInferences");
    public static readonly Method<WriteRecordsRequest, WriteRecordsResponse> Write = new(IngestionServiceReflection.Descriptor.Services[0], "WriteRecords");

    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-keys-").FullName;
    private InferenceGrpcHost? _host;

    public ServerEndpoints Endpoints => _host!.Endpoints;

    public IServiceProvider Services => _host!.Services;

    public string AlphaRead { get; private set; } = "";

    public string AlphaWrite { get; private set; } = "";

    public string AlphaAdmin { get; private set; } = "";

    public string BetaWrite { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(
        [
            "--Server:GrpcPort=0", "--Server:HttpPort=0", "--Auth:RequireKeys=true",
            $"--Storage:Sqlite:DataDirectory={_directory}", "--Logging:LogLevel:Default=Warning",
        ]);
        await _host.StartAsync();
        AlphaRead = await IssueAsync("alpha", AccessRole.Read);
        AlphaWrite = await IssueAsync("alpha", AccessRole.Write);
        AlphaAdmin = await IssueAsync("alpha", AccessRole.Admin);
        BetaWrite = await IssueAsync("beta", AccessRole.Write);
        using var channel = new GrpcChannel(Endpoints.Grpc!);
        await channel.UnaryAsync(Write, Inferences("alpha", 3), WithKey(AlphaWrite));
        await channel.UnaryAsync(Write, Inferences("beta", 2), WithKey(BetaWrite));
    }

    public async Task<string> IssueAsync(string project, AccessRole role) =>
        (await Services.GetRequiredService<ApiKeyIssuer>().IssueAsync(TenantId.Parse(project), role, "test", CancellationToken.None)).Secret;

    public static CallOptions WithKey(string key) => new() { Headers = new Metadata { { "authorization", "Bearer " + key } } };

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static WriteRecordsRequest Inferences(string project, int count)
    {
        var request = new WriteRecordsRequest { Project = project };
        for (var i = 0; i < count; i++)
        {
            request.Records.Add(new Record { Inference = new Inference { FunctionName = $"{project}_function", VariantName = "v" } });
        }

        return request;
    }
}
