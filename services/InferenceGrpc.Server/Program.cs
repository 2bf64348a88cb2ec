using InferenceGrpc.Server;
using InferenceGrpc.Server.Keys;
using InferenceGrpc.Server.Seeding;

if (args.Length > 0 && args[0] == SeedCommand.Name)
{
    return await SeedCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == KeysCommand.Name)
{
    return await KeysCommand.RunAsync(args[1..]);
}

await using var host = InferenceGrpcHost.Create(args);
await host.StartAsync();
Console.WriteLine($"InferenceGrpc is listening (store: {host.StoreDescription}):");
foreach (var line in host.Endpoints.Describe())
{
    Console.WriteLine("  " + line);
}

Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
return 0;
