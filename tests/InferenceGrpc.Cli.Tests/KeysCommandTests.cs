namespace InferenceGrpc.Cli.Tests;

[Collection(SharedCliServer.Name)]
public sealed class KeysCommandTests(CliServer server)
{
    [Fact]
    public async Task Keys_are_created_listed_used_and_revoked_from_the_command_line()
    {
        var project = "keys-" + Guid.NewGuid().ToString("N")[..8];
        var created = await server.RunAsync("keys", "create", "--role", "admin", "--name", "ops", "--project", project);
        var secret = created.Output.Trim();
        var reader = await server.RunAsync("keys", "create", "--role", "read", "--project", project, "--api-key", secret);
        var listed = await server.RunAsync("keys", "list", "--project", project, "--api-key", secret);
        var readerId = reader.Error.Split(' ')[3];
        var revoked = await server.RunAsync("keys", "revoke", readerId, "--project", project, "--api-key", secret);
        var refused = await server.RunAsync("list", "--project", project, "--api-key", reader.Output.Trim());

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("igk_", secret, StringComparison.Ordinal);
        Assert.Contains($"Created admin key key_", created.Error, StringComparison.Ordinal);
        Assert.Equal(0, reader.ExitCode);
        Assert.Contains("ops", listed.Output, StringComparison.Ordinal);
        Assert.Contains(readerId, listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(ExitCodes.CallFailed, refused.ExitCode);
        Assert.Contains("error: Unauthenticated: Invalid API key", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_opens_its_own_project_by_default_and_no_other()
    {
        var secret = (await server.RunAsync("keys", "create", "--role", "read", "--project", "somewhere-else")).Output.Trim();

        var own = await server.RunAsync("list", "--api-key", secret, "-o", "json", "--total");
        var run = await server.RunAsync("list", "--api-key", secret, "--project", "default");

        Assert.Equal(0, own.ExitCode);
        Assert.Contains("\"totalCount\": \"0\"", own.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.CallFailed, run.ExitCode);
        Assert.Contains("error: PermissionDenied: The API key is for project 'somewhere-else', not 'default'.", run.Error, StringComparison.Ordinal);
    }
}
