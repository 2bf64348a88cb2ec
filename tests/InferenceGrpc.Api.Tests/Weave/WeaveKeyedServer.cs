using InferenceGrpc.Api.Keys;
using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// The host with API keys required and nothing stored: enough to see how the Weave shape
/// answers callers without a key or with a key for another project.
/// </summary>
public sealed class WeaveKeyedServer : ApiServer
{
    protected override IEnumerable<string> HostSettings => ["--Auth:RequireKeys=true"];

    /// <summary>A new key, made as the bootstrap command makes it.</summary>
    public async Task<string> IssueKeyAsync(string project, AccessRole role) =>
        (await Services.GetRequiredService<ApiKeyIssuer>().IssueAsync(TenantId.Parse(project), role, "weave-test", CancellationToken.None)).Secret;

    // Without a key nothing can be written, and the access tests need no data.
    protected override Task SeedAsync() => Task.CompletedTask;
}
