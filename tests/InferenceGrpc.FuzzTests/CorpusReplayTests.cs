using InferenceGrpc.FuzzTests.Engine;
using InferenceGrpc.FuzzTests.Infrastructure;
using InferenceGrpc.FuzzTests.Targets;

namespace InferenceGrpc.FuzzTests;

/// <summary>
/// Replays every input in Corpus/: inputs that once broke the server (each named after its bug)
/// and any a failing run printed. A file is the target's name on one line and the input in
/// base64 on the next; lines starting with '#' are comments.
/// </summary>
public sealed class CorpusReplayTests(FuzzServer server) : IClassFixture<FuzzServer>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string> Files() => [.. Directory.EnumerateFiles(Folder, "*.fuzz").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Replay_CorpusInput_GetsAProperAnswer(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var target = FuzzTargets.All.Single(t => t.Name == lines[0].Trim());
        var input = Convert.FromBase64String(lines[1].Trim());
        var before = await server.StoreDigestAsync("default");

        var problem = await new FuzzRunner(server, server.Settings).CheckAsync(target, input);

        Assert.Null(problem);
        Assert.True(await server.IsServingAsync());
        if (!target.Writes)
        {
            Assert.Equal(before, await server.StoreDigestAsync("default"));
        }
    }
}
