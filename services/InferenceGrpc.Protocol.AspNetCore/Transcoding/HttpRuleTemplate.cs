namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>
/// A google.api.http path template, parsed once and matched against request paths. Grammar
/// (google/api/http.proto):
/// <code>
/// Template = "/" Segments [ Verb ] ;   Segments = Segment { "/" Segment } ;
/// Segment  = "*" | "**" | LITERAL | Variable ;   Variable = "{" FieldPath [ "=" Segments ] "}" ;
/// </code>
/// For example <c>/v1/{book.name=shelves/*/books/*}</c> matches <c>/v1/shelves/1/books/2</c> and
/// binds <c>book.name</c> to "shelves/1/books/2"; <c>{path=**}</c> takes every remaining segment.
/// </summary>
public sealed class HttpRuleTemplate
{
    private readonly List<Segment> _segments;
    private readonly List<Variable> _variables;

    private HttpRuleTemplate(string text, List<Segment> segments, List<Variable> variables, string? verb)
    {
        Text = text;
        _segments = segments;
        _variables = variables;
        Verb = verb;
    }

    public string Text { get; }

    /// <summary>The custom verb after ':' in the last segment, such as "search"; null when none.</summary>
    public string? Verb { get; }

    /// <summary>The field paths bound by the template, in order.</summary>
    public IEnumerable<string> FieldPaths => _variables.Select(v => v.FieldPath);

    /// <summary>Orders routes so the most specific wins: more literals first, catch-alls last.</summary>
    public (int Literals, int Segments, bool HasCatchAll) Specificity =>
        (_segments.Count(s => s.Kind == SegmentKind.Literal), _segments.Count, _segments.Any(s => s.Kind == SegmentKind.CatchAll));

    /// <exception cref="FormatException">The template is malformed.</exception>
    public static HttpRuleTemplate Parse(string template) => new HttpRuleTemplateParser(template).Parse();

    internal static HttpRuleTemplate Create(string text, List<Segment> segments, List<Variable> variables, string? verb) =>
        new(text, segments, variables, verb);

    /// <summary>Matches a request path; on success returns each bound field path with its decoded value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Match(string path)
    {
        if (!path.StartsWith('/'))
        {
            return null;
        }

        var body = path[1..];
        if (Verb is not null)
        {
            var suffix = ":" + Verb;
            if (!body.EndsWith(suffix, StringComparison.Ordinal))
            {
                return null;
            }

            body = body[..^suffix.Length];
        }

        var parts = body.Split('/');
        var captured = new string[_segments.Count];
        var consumed = 0;
        for (var i = 0; i < _segments.Count; i++)
        {
            var segment = _segments[i];
            if (segment.Kind == SegmentKind.CatchAll)
            {
                // "**" is always last: it takes the rest, at least one segment.
                if (consumed >= parts.Length || parts[consumed].Length == 0)
                {
                    return null;
                }

                captured[i] = string.Join('/', parts[consumed..].Select(Uri.UnescapeDataString));
                consumed = parts.Length;
                continue;
            }

            if (consumed >= parts.Length || parts[consumed].Length == 0)
            {
                return null;
            }

            var part = Uri.UnescapeDataString(parts[consumed++]);
            if (segment.Kind == SegmentKind.Literal && part != segment.Literal)
            {
                return null;
            }

            captured[i] = part;
        }

        if (consumed != parts.Length)
        {
            return null;
        }

        return _variables
            .Select(v => new KeyValuePair<string, string>(v.FieldPath, string.Join('/', captured[v.Start..v.End])))
            .ToList();
    }

    public override string ToString() => Text;

    internal enum SegmentKind
    {
        Literal,
        Wildcard,
        CatchAll,
    }

    internal readonly record struct Segment(SegmentKind Kind, string? Literal);

    /// <summary>A variable covers segments [Start, End) of the flattened template.</summary>
    internal readonly record struct Variable(string FieldPath, int Start, int End);
}
