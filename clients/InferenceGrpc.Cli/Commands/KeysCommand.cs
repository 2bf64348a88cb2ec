using System.CommandLine;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Contracts.V1;
using Spectre.Console;

namespace InferenceGrpc.Cli.Commands;

/// <summary>
/// <c>inferencectl keys create|list|revoke</c>: manages the project's API keys with an admin key
/// (or, in the loopback development mode, without one). A new key's secret is printed once, alone
/// on standard output, so <c>$(inferencectl keys create …)</c> captures exactly the key.
/// </summary>
internal static class KeysCommand
{
    private static readonly string[] ListColumns = ["id", "role", "name", "created (UTC)", "revoked (UTC)"];

    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var role = new Option<string>("--role") { Description = "read, write or admin.", Required = true }.AcceptOnlyFromAmong("read", "write", "admin");
        var name = new Option<string>("--name") { Description = "A label for people, such as ci-loader.", DefaultValueFactory = _ => "" };
        var create = new Command("create", "Create a key and print its secret (shown only now).") { role, name };
        create.SetAction(async (parse, cancellationToken) =>
        {
            using var client = connection.Connect(parse, cancellationToken);
            var reply = await client.CreateKeyAsync(new CreateApiKeyRequest { Role = ParseRole(parse.GetValue(role)!), Name = parse.GetValue(name)! });
            console.Error.WriteLine($"Created {Describe(reply.ApiKey)}. Its secret, shown only now:");
            console.Output.WriteLine(reply.Secret);
            return ExitCodes.Success;
        });

        var list = new Command("list", "List the project's keys (never their secrets).");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var client = connection.Connect(parse, cancellationToken);
            var reply = await client.ListKeysAsync();
            var table = new Table().Border(TableBorder.Simple);
            foreach (var column in ListColumns)
            {
                table.AddColumn(new TableColumn(column).NoWrap());
            }

            foreach (var key in reply.ApiKeys)
            {
                table.AddRow(key.Id, RoleName(key.Role), Markup.Escape(key.Name), TimeText.Of(key.CreateTime), TimeText.Of(key.RevokeTime));
            }

            console.OutputConsole().Write(table);
            return ExitCodes.Success;
        });

        var id = new Argument<string>("key-id") { Description = "The key's id, as list shows it." };
        var revoke = new Command("revoke", "Revoke a key: calls with it fail from then on.") { id };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            using var client = connection.Connect(parse, cancellationToken);
            var reply = await client.RevokeKeyAsync(parse.GetValue(id)!);
            console.Error.WriteLine($"Revoked {Describe(reply.ApiKey)}.");
            return ExitCodes.Success;
        });

        return new Command("keys", "Create, list and revoke the project's API keys (needs an admin key).") { create, list, revoke };
    }

    private static ApiKeyRole ParseRole(string text) => text switch
    {
        "admin" => ApiKeyRole.Admin,
        "write" => ApiKeyRole.Write,
        _ => ApiKeyRole.Read,
    };

    private static string RoleName(ApiKeyRole role) => role.ToString().ToLowerInvariant();

    private static string Describe(ApiKey key) => $"{RoleName(key.Role)} key {key.Id} for project '{key.Project}'";
}
