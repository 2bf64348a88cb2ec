namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>A recursive-descent parser for <see cref="HttpRuleTemplate"/>; one use per template.</summary>
internal sealed class HttpRuleTemplateParser(string text)
{
    private readonly List<HttpRuleTemplate.Segment> _segments = [];
    private readonly List<HttpRuleTemplate.Variable> _variables = [];
    private int _position;

    public HttpRuleTemplate Parse()
    {
        Expect('/');
        ParseSegments(insideVariable: false);
        string? verb = null;
        if (Peek() == ':')
        {
            _position++;
            verb = ReadLiteral();
        }

        if (_position != text.Length)
        {
            throw Error("unexpected characters");
        }

        var catchAll = _segments.FindIndex(s => s.Kind == HttpRuleTemplate.SegmentKind.CatchAll);
        if (catchAll >= 0 && catchAll != _segments.Count - 1)
        {
            throw Error("'**' must be the last segment");
        }

        return HttpRuleTemplate.Create(text, _segments, _variables, verb);
    }

    private void ParseSegments(bool insideVariable)
    {
        do
        {
            ParseSegment(insideVariable);
        }
        while (TryConsume('/'));
    }

    private void ParseSegment(bool insideVariable)
    {
        if (TryConsume('*'))
        {
            var kind = TryConsume('*') ? HttpRuleTemplate.SegmentKind.CatchAll : HttpRuleTemplate.SegmentKind.Wildcard;
            _segments.Add(new HttpRuleTemplate.Segment(kind, null));
            return;
        }

        if (Peek() == '{')
        {
            if (insideVariable)
            {
                throw Error("variables cannot nest");
            }

            ParseVariable();
            return;
        }

        _segments.Add(new HttpRuleTemplate.Segment(HttpRuleTemplate.SegmentKind.Literal, ReadLiteral()));
    }

    private void ParseVariable()
    {
        Expect('{');
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '_' or '.'))
        {
            _position++;
        }

        var fieldPath = text[start.._position];
        if (fieldPath.Length == 0)
        {
            throw Error("a variable needs a field path");
        }

        var first = _segments.Count;
        if (TryConsume('='))
        {
            ParseSegments(insideVariable: true);
        }
        else
        {
            _segments.Add(new HttpRuleTemplate.Segment(HttpRuleTemplate.SegmentKind.Wildcard, null));
        }

        Expect('}');
        _variables.Add(new HttpRuleTemplate.Variable(fieldPath, first, _segments.Count));
    }

    private string ReadLiteral()
    {
        var start = _position;
        while (_position < text.Length && text[_position] is not ('/' or '{' or '}' or '*' or ':' or '='))
        {
            _position++;
        }

        if (_position == start)
        {
            throw Error("expected a literal segment");
        }

        return text[start.._position];
    }

    private char? Peek() => _position < text.Length ? text[_position] : null;

    private bool TryConsume(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"expected '{c}'");
        }
    }

    private FormatException Error(string what) => new($"Invalid HTTP path template '{text}' at position {_position}: {what}.");
}
