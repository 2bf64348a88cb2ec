using System.Text.Json;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>One field of a struct: its JSON name, how to read it, and whether serde requires it.</summary>
internal readonly record struct SerdeField(string Name, Func<JsonElement, object?> Read, bool Required = true);
