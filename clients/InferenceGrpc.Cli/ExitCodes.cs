namespace InferenceGrpc.Cli;

/// <summary>What the process exit code means, so scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The server answered with an error status (the message names it).</summary>
    public const int CallFailed = 1;

    /// <summary>Bad flags, arguments or input files: nothing was sent, or the input stopped the work.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
