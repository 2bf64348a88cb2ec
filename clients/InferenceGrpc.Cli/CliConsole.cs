using Spectre.Console;

namespace InferenceGrpc.Cli;

/// <summary>
/// Where a command writes. Results go to <see cref="Output"/> (standard output, so they pipe
/// into files and jq); progress, summaries and errors go to <see cref="Error"/>, so they never
/// mix into the data.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error, bool errorIsTerminal, int outputWidth = CliConsole.UnboundedWidth)
{
    // Tables into a file or a pipe are not wrapped to an imaginary 80-column screen.
    private const int UnboundedWidth = 400;

    public static CliConsole Standard => new(
        Console.Out, Console.Error, !Console.IsErrorRedirected, Console.IsOutputRedirected ? UnboundedWidth : Math.Max(Console.WindowWidth, 40));

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Whether progress bars can be drawn: only on a terminal, never into a log file.</summary>
    public bool ShowsProgress { get; } = errorIsTerminal;

    /// <summary>A Spectre console over the output, for tables.</summary>
    public IAnsiConsole OutputConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = outputWidth;
        return console;
    }

    /// <summary>A Spectre console over standard error, for progress bars.</summary>
    public IAnsiConsole ErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Interactive = ShowsProgress ? InteractionSupport.Yes : InteractionSupport.No,
    });
}
