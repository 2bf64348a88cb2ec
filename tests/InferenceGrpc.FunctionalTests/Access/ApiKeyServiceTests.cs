using InferenceGrpc.Api.Access;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static InferenceGrpc.FunctionalTests.Access.KeyedServerFixture;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>Managing keys over the API: admin only, own project only, revocation takes effect at once.</summary>
public sealed class ApiKeyServiceTests(KeyedServerFixture server) : IClassFixture<KeyedServerFixture>, IDisposable
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Keys = ApiKeyServiceReflection.Descriptor.Services[0];
    private static readonly Method<CreateApiKeyRequest, CreateApiKeyResponse> Create = new(Keys, "CreateApiKey");
    private static readonly Method<ListApiKeysRequest, ListApiKeysResponse> ListKeys = new(Keys, "ListApiKeys");
    private static readonly Method<RevokeApiKeyRequest, RevokeApiKeyResponse> Revoke = new(Keys, "RevokeApiKey");
    private readonly GrpcChannel _grpc = new(server.Endpoints.Grpc!);

    [Fact]
    public async Task An_admin_creates_a_key_that_works_and_a_revoked_key_stops_at_once()
    {
        var created = await _grpc.UnaryAsync(Create, new CreateApiKeyRequest { Role = ApiKeyRole.Read, Name = "dashboard" }, WithKey(server.AlphaAdmin));
        var before = await _grpc.UnaryAsync(List, new ListInferencesRequest(), WithKey(created.Secret));
        var revoked = await _grpc.UnaryAsync(Revoke, new RevokeApiKeyRequest { KeyId = created.ApiKey.Id }, WithKey(server.AlphaAdmin));
        var after = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(List, new ListInferencesRequest(), WithKey(created.Secret)));
        var listed = await _grpc.UnaryAsync(ListKeys, new ListApiKeysRequest(), WithKey(server.AlphaAdmin));

        Assert.StartsWith("igk_", created.Secret, StringComparison.Ordinal);
        Assert.Equal("alpha", created.ApiKey.Project);
        Assert.Equal(3, before.Inferences.Count);
        Assert.NotNull(revoked.ApiKey.RevokeTime);
        Assert.Equal(StatusCode.Unauthenticated, after.StatusCode);
        var entry = Assert.Single(listed.ApiKeys, k => k.Id == created.ApiKey.Id);
        Assert.Equal("dashboard", entry.Name);
        Assert.DoesNotContain(listed.ApiKeys, k => k.Project != "alpha");
    }

    [Fact]
    public async Task Only_an_admin_of_the_project_manages_its_keys()
    {
        var notAdmin = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(Create, new CreateApiKeyRequest { Role = ApiKeyRole.Admin }, WithKey(server.AlphaWrite)));
        var otherProject = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(ListKeys, new ListApiKeysRequest { Project = "beta" }, WithKey(server.AlphaAdmin)));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(Revoke, new RevokeApiKeyRequest { KeyId = "key_nope" }, WithKey(server.AlphaAdmin)));
        var noRole = await Assert.ThrowsAsync<RpcException>(() => _grpc.UnaryAsync(Create, new CreateApiKeyRequest(), WithKey(server.AlphaAdmin)));

        Assert.Equal(StatusCode.PermissionDenied, notAdmin.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherProject.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noRole.StatusCode);
    }

    [Theory]
    [InlineData("0.0.0.0", null, null, "required")]
    [InlineData("0.0.0.0", "false", null, "refused")]
    [InlineData("0.0.0.0", "false", "true", "optional")]
    [InlineData("127.0.0.1", null, null, "optional")]
    [InlineData("127.0.0.1", "true", null, "required")]
    public async Task Keys_are_required_off_loopback_and_turning_them_off_there_must_be_explicit(string host, string? requireKeys, string? allowUnauthenticated, string expected)
    {
        List<string> args = [$"--Server:Host={host}", "--Server:GrpcPort=0", "--Server:HttpPort=0"];
        args.AddRange(requireKeys is null ? [] : [$"--Auth:RequireKeys={requireKeys}"]);
        args.AddRange(allowUnauthenticated is null ? [] : [$"--Auth:AllowUnauthenticatedNetwork={allowUnauthenticated}"]);

        if (expected == "refused")
        {
            var refusal = Assert.Throws<InvalidOperationException>(() => InferenceGrpcHost.Create([.. args]));
            Assert.Contains("Refusing to listen on 0.0.0.0 without API keys", refusal.Message, StringComparison.Ordinal);
            return;
        }

        await using var service = InferenceGrpcHost.Create([.. args]);
        var access = service.Services.GetRequiredService<IOptions<AccessOptions>>().Value;
        Assert.Equal(expected == "required", access.RequireKeys);
    }

    public void Dispose() => _grpc.Dispose();
}
