using AetherSegment.Cli;

return await AetherCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
