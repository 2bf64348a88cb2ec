using System.Net;
using System.Text;
using Google.Protobuf;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Server;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.Infrastructure;

/// <summary>
/// The real host in-process on free ports, over a fresh SQLite store seeded with
/// <see cref="DataSet"/> through the public REST write path, shared by every test class.
/// Subclasses seed other records (or seed another way), run on Cosmos DB, or add host settings.
/// </summary>
public class ApiServer : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("inferencegrpc-api-tests-");
    private InferenceGrpcHost? _host;
    private CosmosTestServer? _cosmos;

    public HttpClient Http { get; private set; } = null!;

    internal GrpcCaller Grpc { get; private set; } = null!;

    /// <summary>The same service over gRPC-Web on the HTTP/1.1 port, as a browser calls it.</summary>
    internal GrpcCaller GrpcWeb { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(["--Server:GrpcPort=0", "--Server:HttpPort=0", .. await StoreArgumentsAsync(), .. HostSettings]);
        await _host.StartAsync();
        Http = new HttpClient { BaseAddress = _host.Endpoints.Http };
        Grpc = new GrpcCaller(_host.Endpoints.Grpc!);
        GrpcWeb = new GrpcCaller(_host.Endpoints.Http!, web: true);
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        Grpc.Dispose();
        GrpcWeb.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        if (_cosmos is not null)
        {
            await _cosmos.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    /// <summary>Whether the host runs on Cosmos DB (the real SDK against a <see cref="CosmosTestServer"/> of its own), chosen by configuration as in production, instead of SQLite.</summary>
    protected virtual bool OnCosmos => false;

    /// <summary>Configuration added to the host's command line.</summary>
    protected virtual IEnumerable<string> HostSettings => [];

    /// <summary>The records written before any test runs.</summary>
    protected virtual IEnumerable<Record> SeedRecords() => DataSet.Records();

    /// <summary>Writes <see cref="SeedRecords"/> to the default project through the public REST write path.</summary>
    protected virtual async Task SeedAsync()
    {
        var write = new WriteRecordsRequest { Records = { SeedRecords() } };
        var response = await Http.PostAsync("/v1/projects/default/records:write", new StringContent(JsonFormatter.Default.Format(write), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Seeding failed: {(int)response.StatusCode} {body}");
        }
    }

    /// <summary>The store settings: a SQLite file in the fresh directory, or a Cosmos test server started here.</summary>
    private async Task<string[]> StoreArgumentsAsync()
    {
        if (!OnCosmos)
        {
            return [$"--Storage:Sqlite:DataDirectory={_directory.FullName}"];
        }

        _cosmos = await CosmosTestServer.StartAsync();
        return [$"--Storage:Cosmos:Endpoint={_cosmos.Endpoint}", $"--Storage:Cosmos:Key={CosmosTestServer.Key}", "--Storage:Cosmos:GatewayModeOnly=true"];
    }

    /// <summary>GETs a path and returns status, body and content type.</summary>
    public async Task<RestReply> GetPathAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        return new RestReply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>GETs a path that must answer 200 and parses its proto3 JSON body.</summary>
    public async Task<T> GetMessageAsync<T>(string pathAndQuery)
        where T : IMessage<T>, new()
    {
        var reply = await GetPathAsync(pathAndQuery);
        return reply.Status == HttpStatusCode.OK
            ? JsonParser.Default.Parse<T>(reply.Body)
            : throw new InvalidOperationException($"GET {pathAndQuery}: {(int)reply.Status} {reply.Body}");
    }

    /// <summary>POSTs a body (as given, no Content-Type unless asked) and returns status, body and content type.</summary>
    public async Task<RestReply> PostAsync(string path, string body, string? contentType = "application/json")
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await Http.PostAsync(path, content);
        return new RestReply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    public Task<RestReply> ListAsync(string body) => PostAsync("/v1/inferences/list_inferences", body);

    public Task<RestReply> GetAsync(string body) => PostAsync("/v1/inferences/get_inferences", body);
}

