using MultiRegion.Infra.Cli;

return SynthCommand.Run(args, Console.Out, Console.Error);
