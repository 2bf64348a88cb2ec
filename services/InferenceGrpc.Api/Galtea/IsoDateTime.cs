using System.Globalization;
using System.Text.RegularExpressions;
using InferenceGrpc.Api.Queries;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// The date-times of fromCreatedAt and toCreatedAt: ISO 8601 as the OpenAPI's date-time, with
/// what JavaScript's Date also takes [unverified]: a date alone (midnight UTC), minutes without
/// seconds, any fraction, and no offset meaning UTC. Anything else is INVALID_ARGUMENT (400).
/// </summary>
internal static partial class IsoDateTime
{
    public static DateTimeOffset? ParseOptional(string parameter, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (Shape().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw QueryErrors.Invalid(parameter, $"{parameter} must be an ISO 8601 date-time such as 2025-06-01T12:00:00Z, got '{text}'");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([Zz]|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex Shape();
}
