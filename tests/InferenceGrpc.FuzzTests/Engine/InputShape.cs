namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>What an input is, which picks the structure-aware mutations applied besides byte-level ones.</summary>
public enum InputShape
{
    /// <summary>A JSON document.</summary>
    Json,

    /// <summary>gRPC frames (5-byte prefix, then a protobuf message).</summary>
    Frames,

    /// <summary>Text: query strings, header blocks, page tokens, base64.</summary>
    Text,
}
