namespace InferenceGrpc.Cli;

/// <summary>A flag value or input file the command cannot use; reported with exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
