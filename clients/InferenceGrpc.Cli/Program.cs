using InferenceGrpc.Cli;

return await CliApplication.RunAsync(args, CliConsole.Standard);
