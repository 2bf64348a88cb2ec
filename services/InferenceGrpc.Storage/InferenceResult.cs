using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage;

/// <summary>An inference as a query returns it, with its latest demonstration when one was asked for.</summary>
public sealed record InferenceResult(Inference Inference, Value? Demonstration);
