using System.CommandLine;
using Google.Rpc;
using InferenceGrpc.Cli.Commands;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Cli;

/// <summary>
/// The inferencectl command tree and how its outcomes become exit codes and messages: usage
/// mistakes exit 2 with the problem and a pointer to --help, server errors exit 1 with the
/// status code, message and any field violations, Ctrl+C exits 130.
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Build(console, environment ?? Environment.GetEnvironmentVariable);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine("error: " + error.Message);
            }

            console.Error.WriteLine("Run 'inferencectl --help' or 'inferencectl COMMAND --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliUsageException ex)
        {
            console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            console.Error.WriteLine("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (RpcException ex)
        {
            console.Error.WriteLine($"error: {ex.StatusCode}: {ex.Status.Message}");
            foreach (var violation in ex.Status.Details?.OfType<BadRequest>().SelectMany(d => d.FieldViolations) ?? [])
            {
                console.Error.WriteLine($"  {violation.Field}: {violation.Description}");
            }

            return ExitCodes.CallFailed;
        }
    }

    private static RootCommand Build(CliConsole console, Func<string, string?> environment)
    {
        var connection = new ConnectionOptions(environment);
        var root = new RootCommand("inferencectl: query, export and load LLM inference history in an InferenceGrpc service.")
        {
            GetCommand.Create(connection, console),
            FeedbackCommand.Create(connection, console),
            ListCommand.Create(connection, console),
            StreamCommand.Create(connection, console),
            ExportCommand.Create(connection, console),
            IngestCommand.Create(connection, console),
            MetricsCommand.Create(connection, console),
            RunsCommand.Create(connection, console),
            EvalsCommand.Create(connection, console),
            KeysCommand.Create(connection, console),
        };
        foreach (var option in connection.All)
        {
            root.Options.Add(option);
        }

        return root;
    }
}
