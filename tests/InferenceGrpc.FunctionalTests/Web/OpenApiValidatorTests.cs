using System.Text.Json.Nodes;
using InferenceGrpc.FunctionalTests.Infrastructure;
using InferenceGrpc.Server;

namespace InferenceGrpc.FunctionalTests.Web;

/// <summary>
/// The served /openapi.json passes a validator written by others (@apidevtools/swagger-parser in
/// tests/conformance: the OpenAPI 3.0 JSON Schema plus every $ref resolved), so tools that read
/// the document (generators, gateways, Swagger UI) accept it, beyond the structure our own tests
/// check.
/// </summary>
public sealed class OpenApiValidatorTests : IAsyncLifetime
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("inferencegrpc-openapi-");
    private InferenceGrpcHost? _host;

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(
        [
            "--Server:GrpcPort=0", "--Server:HttpPort=0",
            $"--Storage:Sqlite:DataDirectory={_scratch.FullName}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _host.StartAsync();
    }

    [Fact]
    public async Task OpenApiJson_PassesSwaggerParserValidation()
    {
        var url = new Uri(_host!.Endpoints.Http!, "/openapi.json");

        var run = await ExternalProcess.RunAsync("node", ["tests/conformance/openapi_validate.mjs", url.ToString()], TimeSpan.FromSeconds(60));

        var result = JsonNode.Parse(run.StandardOutput.Trim().Split('\n')[^1])!;
        Assert.True(run.ExitCode == 0, $"swagger-parser rejected the document: {result["error"]} {run.StandardError}");
        Assert.Equal("3.0.3", (string?)result["openapi"]);
        Assert.True((int)result["operations"]! >= 20, $"only {result["operations"]} operations were read");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _scratch.Delete(recursive: true);
    }
}
