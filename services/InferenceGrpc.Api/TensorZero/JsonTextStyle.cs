namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// How a vendor's JSON text looks beyond the grammar: the separators between items and after
/// keys, whether everything outside printable ASCII is escaped (as \uXXXX, lower case,
/// surrogate pairs one by one), the order of an object's keys (null: as stored), and how a
/// number inside stored JSON is written.
/// </summary>
internal sealed record JsonTextStyle(string ItemSeparator, string KeySeparator, bool AsciiOnly, IComparer<string>? KeyOrder, Func<double, string> JsonNumber)
{
    /// <summary>serde_json's compact formatter, as TensorZero replies.</summary>
    public static readonly JsonTextStyle Serde = new(",", ":", AsciiOnly: false, KeyOrder: null, SerdeNumbers.JsonNumber);
}
