namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Orders strings by Unicode code point, as Python compares str (sorted dict keys, sorted row
/// digests). Ordinal UTF-16 order differs for characters above U+FFFF, whose surrogates sort
/// below U+E000..U+FFFF although their code points are larger.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    private CodePointComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Rank(x[i]).CompareTo(Rank(y[i]));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    /// <summary>Moves surrogates above the rest of the BMP; at the first difference that is code-point order.</summary>
    private static int Rank(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
