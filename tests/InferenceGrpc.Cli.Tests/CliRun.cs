namespace InferenceGrpc.Cli.Tests;

/// <summary>What one inferencectl invocation did: its exit code and both output streams.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
