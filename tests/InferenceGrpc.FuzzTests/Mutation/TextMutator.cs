using System.Text;

namespace InferenceGrpc.FuzzTests.Mutation;

/// <summary>
/// Mutations for text the server splits itself (query strings, header lines, base64 tokens):
/// separators and escapes inserted, parts repeated or swapped, base64 characters changed.
/// </summary>
internal static class TextMutator
{
    private static readonly string[] Fragments =
    [
        "&", "=", "&&", "==", "%", "%zz", "%ff", "%00", "%C0%AF", "%ED%A0%80", "[]", "[", "]", ",", ",,", ".", "..", "/", "//",
        "+", "-", "_", "~", "!", "*", ":", "\n", "\n\n", "=-1", "=4294967296", "=1e400", "=NaN", "=true", "=%F0%9F%8C%B8",
        "a=b", "page_size=", "authors=", "years.min=", "genre=", "project=", "grpc-timeout: ", "grpc-encoding: ", "content-type: ",
    ];

    public static byte[] Mutate(Random random, byte[] input)
    {
        var text = Encoding.Latin1.GetString(input);
        var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        var result = random.Next(5) switch
        {
            0 => text.Insert(at, Interesting.Pick(random, Fragments)),
            1 => text.Insert(at, string.Concat(Enumerable.Repeat(Interesting.Pick(random, Fragments), random.Next(2, 2_000)))),
            2 => Swap(random, text),
            3 when text.Length > 0 => text.Remove(at == text.Length ? at - 1 : at, 1).Insert(Math.Min(at, text.Length - 1), Base64Char(random)),
            _ => text.Insert(at, Interesting.LongText(random)),
        };
        return Encoding.Latin1.GetBytes(result.Select(c => c > 0xFF ? '?' : c).ToArray());
    }

    /// <summary>Two parts split at '&amp;', ',' or newlines exchange places, or one is repeated.</summary>
    private static string Swap(Random random, string text)
    {
        var separator = Interesting.Pick(random, new[] { "&", ",", "\n", "." });
        var parts = text.Split(separator).ToList();
        var i = random.Next(parts.Count);
        var j = random.Next(parts.Count);
        if (random.Next(2) == 0)
        {
            (parts[i], parts[j]) = (parts[j], parts[i]);
        }
        else
        {
            parts.Insert(i, parts[j]);
        }

        return string.Join(separator, parts);
    }

    private static string Base64Char(Random random) =>
        Interesting.Pick(random, new[] { "A", "/", "+", "-", "_", "=", "==", "!", ".", "\u00ff" });
}
