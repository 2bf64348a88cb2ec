using InferenceGrpc.Testing;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// The golden eval_results cases: each line of Golden/queries.jsonl with the reply on the same
/// line of Golden/replies.jsonl, which Golden/reference.py computed (never the code under test).
/// </summary>
internal static class WeaveGolden
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Replies = new(Load);

    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (var query in Replies.Value.Keys)
        {
            data.Add(query);
        }

        return data;
    }

    public static string Reply(string query) => Replies.Value[query];

    private static Dictionary<string, string> Load()
    {
        var queries = Lines("queries.jsonl");
        var replies = Lines("replies.jsonl");
        return queries.Zip(replies).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    private static List<string> Lines(string file) =>
        File.ReadAllLines(RepositoryPaths.Combine("tests", "InferenceGrpc.Api.Tests", "Weave", "Golden", file)).Where(line => line.Length > 0).ToList();
}
