using System.Globalization;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Parses the `time` of a time filter as TensorZero's chrono does (DateTime&lt;Utc&gt; from an RFC 3339
/// string, with the relaxations chrono allows: 't' or ' ' for 'T', "UTC" for "Z", offsets with
/// or without a colon), failing with chrono's texts: "premature end of input", "input contains
/// invalid characters", "trailing input", "input is out of range". chrono is laxer still (it
/// takes spaces between fields and unpadded numbers); those rare forms are refused here.
/// </summary>
internal ref struct Rfc3339
{
    private const string TooShort = "premature end of input";
    private const string Invalid = "input contains invalid characters";
    private const string TooLong = "trailing input";
    private const string OutOfRange = "input is out of range";

    private readonly ReadOnlySpan<char> _text;
    private int _at;

    private Rfc3339(ReadOnlySpan<char> text)
    {
        _text = text;
        _at = 0;
    }

    public static DateTimeOffset Parse(string text)
    {
        var parser = new Rfc3339(text);
        return parser.Read();
    }

    private DateTimeOffset Read()
    {
        var year = Digits(4);
        Literal('-');
        var month = Digits(2);
        Literal('-');
        var day = Digits(2);
        if (_at >= _text.Length)
        {
            throw new SerdeError(TooShort);
        }

        if (_text[_at] is not ('T' or 't' or ' '))
        {
            throw new SerdeError(Invalid);
        }

        _at++;
        var hour = Digits(2);
        Literal(':');
        var minute = Digits(2);
        Literal(':');
        var second = Digits(2);
        var ticks = Fraction();
        var offset = Offset();
        if (!_text[_at..].TrimStart().IsEmpty)
        {
            throw new SerdeError(TooLong);
        }

        if (year < 1 || month is < 1 or > 12 || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 60 || day > DateTime.DaysInMonth(year, month))
        {
            throw new SerdeError(OutOfRange);
        }

        // chrono keeps a leap second (:60); .NET cannot, so it becomes the next second.
        var leap = second == 60 ? 1 : 0;
        return new DateTimeOffset(year, month, day, hour, minute, second - leap, TimeSpan.Zero).AddTicks(ticks).AddSeconds(leap) - offset;
    }

    private int Digits(int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            if (_at >= _text.Length)
            {
                throw new SerdeError(TooShort);
            }

            if (!char.IsAsciiDigit(_text[_at]))
            {
                throw new SerdeError(Invalid);
            }

            value = (value * 10) + (_text[_at++] - '0');
        }

        return value;
    }

    private void Literal(char expected)
    {
        if (_at >= _text.Length)
        {
            throw new SerdeError(TooShort);
        }

        if (_text[_at++] != expected)
        {
            throw new SerdeError(Invalid);
        }
    }

    /// <summary>Optional ".digits"; nanosecond precision is kept to the 100 ns tick.</summary>
    private long Fraction()
    {
        if (_at >= _text.Length || _text[_at] != '.')
        {
            return 0;
        }

        _at++;
        var start = _at;
        while (_at < _text.Length && char.IsAsciiDigit(_text[_at]))
        {
            _at++;
        }

        if (_at == start)
        {
            throw new SerdeError(_at >= _text.Length ? TooShort : Invalid);
        }

        var digits = _text[start.._at].ToString().PadRight(7, '0')[..7];
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    private TimeSpan Offset()
    {
        while (_at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }

        if (_at >= _text.Length)
        {
            throw new SerdeError(TooShort);
        }

        if (_text[_at] is 'Z' or 'z')
        {
            _at++;
            return TimeSpan.Zero;
        }

        if (_text[_at..].StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            _at += 3;
            return TimeSpan.Zero;
        }

        var sign = _text[_at] switch
        {
            '+' => 1,
            '-' => -1,
            _ => throw new SerdeError(Invalid),
        };
        _at++;
        var hours = Digits(2);
        if (_at < _text.Length && _text[_at] == ':')
        {
            _at++;
        }

        var minutes = _at < _text.Length && char.IsAsciiDigit(_text[_at]) ? Digits(2) : 0;
        if (hours > 23 || minutes > 59)
        {
            throw new SerdeError(OutOfRange);
        }

        return sign * new TimeSpan(hours, minutes, 0);
    }
}
