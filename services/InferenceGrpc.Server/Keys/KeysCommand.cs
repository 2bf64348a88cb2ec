using InferenceGrpc.Api.Keys;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Keys;

namespace InferenceGrpc.Server.Keys;

/// <summary>
/// <c>InferenceGrpc.Server keys create --project P --role read|write|admin [--name N] [config…]</c>:
/// makes a key directly in the configured store and prints its secret once. This is how the
/// first admin key of a deployment is made (on the server, by whoever can run it); after that,
/// <c>inferencectl keys</c> manages keys over the API.
/// </summary>
internal static class KeysCommand
{
    public const string Name = "keys";
    private const string Usage = "usage: keys create --project P --role read|write|admin [--name N] [--Storage:…=… configuration]";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "create")
        {
            await Console.Error.WriteLineAsync(Usage);
            return args.Length > 0 && args[0] is "--help" or "-h" ? 0 : 2;
        }

        string? project = null, role = null, name = "";
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--project" when i + 1 < args.Length:
                    project = args[++i];
                    break;
                case "--role" when i + 1 < args.Length:
                    role = args[++i];
                    break;
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('=', StringComparison.Ordinal):
                    configuration.Add(setting);
                    break;
                default:
                    await Console.Error.WriteLineAsync($"keys: unknown or incomplete argument '{args[i]}'.\n{Usage}");
                    return 2;
            }
        }

        if (!TenantId.TryParse(project, out var tenant) || !Enum.TryParse<AccessRole>(role, ignoreCase: true, out var parsedRole) || !Enum.IsDefined(parsedRole))
        {
            await Console.Error.WriteLineAsync($"keys: --project must be a valid project name and --role one of read, write, admin.\n{Usage}");
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder([.. configuration]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddInferenceStore(builder.Configuration);
        builder.Services.AddSingleton<ApiKeyIssuer>();
        await using var app = builder.Build();
        var (key, secret) = await app.Services.GetRequiredService<ApiKeyIssuer>().IssueAsync(tenant, parsedRole, name, CancellationToken.None);
        await Console.Error.WriteLineAsync($"Created {parsedRole.ToString().ToLowerInvariant()} key {key.Id} for project '{tenant}'. The secret below is shown only now:");
        await Console.Out.WriteLineAsync(secret);
        return 0;
    }
}
