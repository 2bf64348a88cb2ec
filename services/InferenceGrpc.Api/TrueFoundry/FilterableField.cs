using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>A filterable field: what it reads (null for teams), what it holds, and its operator allow-list.</summary>
internal sealed record FilterableField(MetricsOperand? Operand, FilterValueKind Kind, IReadOnlySet<string> Operators);
