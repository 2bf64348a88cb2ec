using System.Text.RegularExpressions;

namespace InferenceGrpc.Storage;

/// <summary>
/// The project every record belongs to and every read is scoped to, such as "default" or a
/// Weave "entity/project". The store layer puts it into every key and every query itself.
/// </summary>
public readonly partial record struct TenantId
{
    private TenantId(string value) => Value = value;

    public string Value { get; }

    /// <summary>Letters, digits, '.', '_', '-' and at most one '/', 1 to 128 characters.</summary>
    public static bool TryParse(string? text, out TenantId tenant)
    {
        tenant = default;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        tenant = new TenantId(text);
        return true;
    }

    public static TenantId Parse(string text) =>
        TryParse(text, out var tenant) ? tenant : throw new FormatException($"'{text}' is not a valid project name: use 1 to 128 letters, digits, '.', '_', '-' and at most one '/'.");

    public override string ToString() => Value;

    [GeneratedRegex(@"^(?=.{1,128}$)[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)?$")]
    private static partial Regex Pattern();
}
