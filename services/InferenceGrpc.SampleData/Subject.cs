using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>Who makes gateway requests: a user (by email) or a virtual account, and its teams.</summary>
internal sealed record Subject(string Slug, SubjectType Type, IReadOnlyList<string> Teams);
