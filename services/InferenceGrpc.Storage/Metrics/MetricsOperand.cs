namespace InferenceGrpc.Storage.Metrics;

/// <summary>The value a <see cref="ScalarFilter"/> compares; null when the inference has none.</summary>
public abstract record MetricsOperand;

/// <summary>A column of the inference.</summary>
public sealed record FieldOperand(MetricsField Field) : MetricsOperand;

/// <summary>
/// The subject slug when the subject is of this type, otherwise null: TrueFoundry's userEmail
/// ("user") and virtualAccount ("virtualaccount") are one column told apart by the type.
/// </summary>
public sealed record SubjectOperand(string SubjectType) : MetricsOperand;

/// <summary>The value of a tag (TrueFoundry metadata key); null when the key is absent.</summary>
public sealed record TagOperand(string Key) : MetricsOperand;
