using InferenceGrpc.FuzzTests.Engine;
using InferenceGrpc.FuzzTests.Infrastructure;
using InferenceGrpc.FuzzTests.Targets;

namespace InferenceGrpc.FuzzTests;

/// <summary>
/// Mutated and random input to every read surface: each input gets a proper answer (no 5xx, no
/// gRPC UNKNOWN or INTERNAL, the API's error shape, nothing logged as an error), the host stays
/// SERVING, and the store's contents are the same afterwards.
/// </summary>
public sealed class ReadTargetFuzzTests(FuzzServer server) : IClassFixture<FuzzServer>
{
    public static TheoryData<string> Targets() => [.. FuzzTargets.Reads.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Fuzz_ReadTarget_AnswersEveryInputAndLeavesTheStoreUnchanged(string name)
    {
        var target = FuzzTargets.Reads.Single(t => t.Name == name);
        var before = await server.StoreDigestAsync("default", "fuzz");

        var failures = await new FuzzRunner(server, server.Settings).RunAsync(target);

        Assert.True(failures.Count == 0, $"{failures.Count} failing inputs:\n\n{string.Join("\n\n", failures.Take(5))}");
        Assert.Equal(before, await server.StoreDigestAsync("default", "fuzz"));
    }
}
