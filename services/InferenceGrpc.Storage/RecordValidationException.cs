namespace InferenceGrpc.Storage;

/// <summary>A write refused before anything was stored; each violation names the record and field.</summary>
public sealed class RecordValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception($"{violations.Count} invalid field(s); first: {violations[0].Field}: {violations[0].Description}")
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>A bad field, by path such as "records[3].inference.id".</summary>
public sealed record FieldViolation(string Field, string Description);
