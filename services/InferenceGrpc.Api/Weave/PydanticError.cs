using System.Text.Json;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// One entry of a FastAPI 422 body, <c>{"type", "loc", "msg", "input", "ctx"?}</c>, with pydantic
/// v2's type and message texts. <paramref name="Location"/> holds strings and ints, starting at
/// "body"; <paramref name="Input"/> is the offending JSON value (none: null).
/// </summary>
internal sealed record PydanticError(string Type, IReadOnlyList<object> Location, string Message, JsonElement? Input, IReadOnlyList<KeyValuePair<string, object>>? Context = null);
