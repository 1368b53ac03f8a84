using Fluent.Docker.Cli;

return await CliApp.RunAsync(args, CliConsole.System());
