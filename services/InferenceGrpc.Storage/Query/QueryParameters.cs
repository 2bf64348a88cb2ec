using System.Collections;
using System.Globalization;

namespace InferenceGrpc.Storage.Query;

/// <summary>
/// The parameters of one compiled query: every value a compiler puts into SQL goes through
/// <see cref="Bind"/>, which returns the placeholder (@p0, @p1, …) to write instead of the value.
/// </summary>
public sealed class QueryParameters : IReadOnlyList<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _values = [];

    public int Count => _values.Count;

    public KeyValuePair<string, object> this[int index] => _values[index];

    public string Bind(object value)
    {
        var name = "@p" + _values.Count.ToString(CultureInfo.InvariantCulture);
        _values.Add(KeyValuePair.Create(name, value));
        return name;
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
