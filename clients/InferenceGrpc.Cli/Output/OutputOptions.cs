using System.CommandLine;

namespace InferenceGrpc.Cli.Output;

/// <summary>The <c>--output</c> flag, with each command's own default.</summary>
internal static class OutputOptions
{
    public static Option<OutputFormat> Format(OutputFormat defaultFormat) => new("--output", "-o")
    {
        Description = "table, json (the whole reply) or jsonl (one inference per line).",
        DefaultValueFactory = _ => defaultFormat,
    };
}
