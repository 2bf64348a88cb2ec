using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// What follow-up planning needs to know about a generated inference, kept small because
/// pending feedback outlives the inference record itself.
/// </summary>
internal readonly record struct InferenceOutcome(Guid Id, long TimeMs, int FunctionIndex, double Quality, InferenceStatus Status, bool? LatencyOk);
