using System.Globalization;
using InferenceGrpc.SampleData;
using InferenceGrpc.Storage;

namespace InferenceGrpc.Server.Seeding;

/// <summary>
/// <c>InferenceGrpc.Server seed [--count N] [--project P] [--seed S] [--if-empty] [config…]</c>:
/// fills the configured store (the same configuration as the service) with deterministic sample
/// data, with a progress bar. <c>make seed N=…</c> and <c>make run</c> use it.
/// </summary>
internal static class SeedCommand
{
    public const string Name = "seed";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = 100_000;
        var project = "default";
        var seed = 42;
        var ifEmpty = false;
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out count):
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--project" when i + 1 < args.Length:
                    project = args[++i];
                    break;
                case "--if-empty":
                    ifEmpty = true;
                    break;
                case "--help" or "-h":
                    await Console.Out.WriteLineAsync("usage: seed [--count N (100000)] [--project P (default)] [--seed S (42)] [--if-empty] [--Storage:…=… configuration]");
                    return 0;
                default:
                    if (!args[i].StartsWith("--", StringComparison.Ordinal) || !args[i].Contains('=', StringComparison.Ordinal))
                    {
                        await Console.Error.WriteLineAsync($"seed: unknown or incomplete argument '{args[i]}'; see --help.");
                        return 2;
                    }

                    configuration.Add(args[i]);
                    break;
            }
        }

        if (!TenantId.TryParse(project, out var tenant))
        {
            await Console.Error.WriteLineAsync($"seed: '{project}' is not a valid project name.");
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder([.. configuration]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddInferenceStore(builder.Configuration);
        builder.Services.AddSingleton<SampleDataLoader>();
        await using var app = builder.Build();
        var loader = app.Services.GetRequiredService<SampleDataLoader>();
        if (ifEmpty && !await loader.IsEmptyAsync(tenant, CancellationToken.None))
        {
            await Console.Out.WriteLineAsync($"Project '{tenant}' already has data; not seeding.");
            return 0;
        }

        var progress = new ProgressLine(count, "inferences", Console.Error);
        var records = await loader.LoadAsync(tenant, new SampleDataOptions { InferenceCount = count, Seed = seed }, progress.Report, CancellationToken.None);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded project '{tenant}': {count:N0} inferences, {records:N0} records in {progress.Elapsed.TotalSeconds:N1} s ({records / progress.Elapsed.TotalSeconds:N0} records/s)."));
        return 0;
    }
}
