using System.Globalization;

namespace InferenceGrpc.Protocol;

/// <summary>
/// The <c>grpc-timeout</c> header: 1 to 8 ASCII digits and a unit, H M S m u n
/// (PROTOCOL-HTTP2.md, "Timeout").
/// </summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    /// <summary>Parses a header value; false when it is malformed.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        if (!long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>Formats a timeout in the coarsest unit that keeps it within 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        (long Divisor, char Unit)[] units =
        [
            (TimeSpan.TicksPerMillisecond, 'm'),
            (TimeSpan.TicksPerSecond, 'S'),
            (TimeSpan.TicksPerMinute, 'M'),
            (TimeSpan.TicksPerHour, 'H'),
        ];

        if (ticks < TimeSpan.TicksPerMillisecond * 10 && ticks / TimeSpan.TicksPerMicrosecond <= MaxValue)
        {
            return (ticks / TimeSpan.TicksPerMicrosecond).ToString(CultureInfo.InvariantCulture) + "u";
        }

        foreach (var (divisor, unit) in units)
        {
            // Round up, so a deadline is never made earlier than asked.
            var amount = (ticks + divisor - 1) / divisor;
            if (amount <= MaxValue)
            {
                return amount.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }
}
