using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("MultiRegion.Infra.Tests.Support.JsiiTestFramework", "MultiRegion.Infra.Tests")]

namespace MultiRegion.Infra.Tests.Support;

/// <summary>
/// xunit's own framework with two steps added: the run's temp files go to a folder of its own
/// (<c>ProcessScratch</c>), and after the last test, before the run is reported finished, the jsii runtime is shut
/// down (<see cref="JsiiRuntimeShutdown.Shutdown"/>) and that folder removed. Not at process exit: vstest kills the
/// test host 100 ms after the run is reported finished, too soon to end Node.js processes in order.
/// </summary>
public sealed class JsiiTestFramework : XunitTestFramework
{
    /// <param name="messageSink">xunit's diagnostics sink.</param>
    public JsiiTestFramework(IMessageSink messageSink) : base(messageSink)
    {
        // Every temp file of the run (the jsii runtime's copies, synthesized outputs) in one folder removed at the end.
        MultiRegion.Infra.Composition.ProcessScratch.Use();
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await base.BeforeTestAssemblyFinishedAsync();
            JsiiRuntimeShutdown.Shutdown();
            MultiRegion.Infra.Composition.ProcessScratch.Remove();
        }
    }
}
