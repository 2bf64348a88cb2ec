namespace InferenceGrpc.Cli.Output;

/// <summary>How results are printed: a table for people, JSON or JSON Lines for programs.</summary>
internal enum OutputFormat
{
    Table,

    /// <summary>The whole response as one proto3 JSON document.</summary>
    Json,

    /// <summary>One inference per line as proto3 JSON, as soon as it arrives.</summary>
    Jsonl,
}
