using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Composition;

try
{
    return SynthCommand.Run(args, Console.Out, Console.Error);
}
finally
{
    // The jsii runtime may still be starting on the warm-up thread (a config refused in a fraction of a second):
    // exiting under it aborted the process (exit 134) about one run in five. Let it finish first.
    JsiiRuntimeWarmup.Join();
    ProcessScratch.Remove();
    PhaseTimings.End("summary and temp clean-up");
}
