using System.CommandLine;
using InferenceGrpc.Cli.Output;
using InferenceGrpc.Cli.Selection;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Commands;

/// <summary><c>inferencectl get ID...</c>: inferences by id; unknown ids are skipped.</summary>
internal static class GetCommand
{
    public static Command Create(ConnectionOptions connection, CliConsole console)
    {
        var ids = new Argument<string[]>("ids") { Description = "Inference ids (UUIDs), at most 1,000.", Arity = ArgumentArity.OneOrMore };
        var selection = new SelectionOptions();
        var format = OutputOptions.Format(OutputFormat.Table);
        var command = new Command("get", "Fetch inferences by id, newest first.") { ids, selection.Function, selection.OutputSource, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = connection.Connect(parse, cancellationToken);
            var request = new GetInferencesRequest { Ids = { parse.GetValue(ids) ?? [] }, OutputSource = SelectionOptions.ParseOutputSource(parse.GetValue(selection.OutputSource)) };
            if (parse.GetValue(selection.Function) is { } function)
            {
                request.FunctionName = function;
            }

            var reply = await client.GetAsync(request);
            new InferencePrinter(console, parse.GetValue(format)).Print(reply, reply.Inferences);
            return ExitCodes.Success;
        });
        return command;
    }
}
