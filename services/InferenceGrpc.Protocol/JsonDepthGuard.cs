using System.Text;
using System.Text.Json;

namespace InferenceGrpc.Protocol;

/// <summary>
/// Checks JSON text before Google.Protobuf's JsonParser reads it. That parser (3.25) recurses
/// once per nested google.protobuf.Value without counting those levels against its recursion
/// limit, so a body of 20,000 nested arrays overflowed the stack and killed the whole process (a
/// stack overflow cannot be caught). Only well-formed JSON at most <see cref="MaxDepth"/> deep
/// passes.
/// </summary>
public static class JsonDepthGuard
{
    /// <summary>The deepest nesting accepted: JsonParser's own default recursion limit.</summary>
    public const int MaxDepth = 100;

    /// <summary>Why the text may not be parsed (not JSON, or nested too deep), or null when it may.</summary>
    public static string? Problem(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
    }
}
