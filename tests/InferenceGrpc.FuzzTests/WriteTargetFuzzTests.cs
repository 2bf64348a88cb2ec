using InferenceGrpc.FuzzTests.Engine;
using InferenceGrpc.FuzzTests.Infrastructure;
using InferenceGrpc.FuzzTests.Targets;

namespace InferenceGrpc.FuzzTests;

/// <summary>
/// Mutated and random input to every write surface: each input gets a proper answer, a rejected
/// request stores nothing, an accepted batch is stored whole, and the host stays SERVING.
/// </summary>
public sealed class WriteTargetFuzzTests(FuzzServer server) : IClassFixture<FuzzServer>
{
    public static TheoryData<string> Targets() => [.. FuzzTargets.Writes.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Fuzz_WriteTarget_StoresOnlyWholeValidBatches(string name)
    {
        var target = FuzzTargets.Writes.Single(t => t.Name == name);
        var outcome = new WriteOutcomeCheck(server, target);

        var failures = await new FuzzRunner(server, server.Settings).RunAsync(target, outcome.CheckAsync);

        Assert.True(failures.Count == 0, $"{failures.Count} failing inputs:\n\n{string.Join("\n\n", failures.Take(5))}");
    }
}
