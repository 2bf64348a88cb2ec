using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace InferenceGrpc.Storage.Tests.Golden;

/// <summary>
/// Compares compiled queries with their expected text and parameters. Whitespace is normalized:
/// runs collapse to one space, and none is kept just inside parentheses, so expectations can be
/// wrapped and indented for reading. Parameters compare by name, type and value,
/// byte arrays and lists by content, so <c>20</c> (int) and <c>20L</c> differ as the database would see them.
/// </summary>
internal static partial class GoldenAssert
{
    public static void Sql(string expected, string actual) => Assert.Equal(Normalize(expected), Normalize(actual));

    public static void Parameters(IEnumerable<(string Name, object Value)> expected, IEnumerable<(string Name, object Value)> actual) =>
        Assert.Equal(expected.Select(Describe).ToList(), actual.Select(Describe).ToList());

    private static string Normalize(string sql) =>
        Whitespace().Replace(sql, " ").Trim().Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal);

    private static string Describe((string Name, object Value) parameter) => parameter.Name + " = " + Describe(parameter.Value);

    private static string Describe(object value) => value switch
    {
        byte[] bytes => "bytes " + Convert.ToHexString(bytes),
        string text => "\"" + text + "\"",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Describe)) + "]",
        _ => value.GetType().Name + " " + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
