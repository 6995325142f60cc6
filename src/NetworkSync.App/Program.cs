using NetworkSync.App.Cli;

return await CommandLineApp.RunAsync(args).ConfigureAwait(false);
