using InferenceGrpc.Server;

await using var host = InferenceGrpcHost.Create(args);
await host.StartAsync();
Console.WriteLine("InferenceGrpc is listening:");
foreach (var line in host.Endpoints.Describe())
{
    Console.WriteLine("  " + line);
}

Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
