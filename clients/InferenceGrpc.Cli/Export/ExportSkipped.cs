namespace InferenceGrpc.Cli.Export;

/// <summary>Why one inference cannot become a fine-tuning example; export counts these and goes on.</summary>
internal sealed class ExportSkipped(string reason) : Exception(reason);
