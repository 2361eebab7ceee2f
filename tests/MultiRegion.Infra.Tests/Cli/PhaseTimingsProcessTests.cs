using System.Diagnostics;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>
/// The main job as a real process (its own entry point, so the warm-up thread and the type-cache fill beside it run
/// as they do for an operator), with phase timings on: they go to stderr only, stdout stays the summary.
/// </summary>
public sealed class PhaseTimingsProcessTests
{
    [Fact]
    public async Task Timings_go_to_stderr_one_line_per_phase_and_the_synthesis_succeeds()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MultiRegion.Infra.dll");
        var output = Path.Combine(Path.GetTempPath(), $"timings-out-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = RepoPaths.Root };
        foreach (var a in new[] { dll, "--stack", "dev", "--output", output }) start.ArgumentList.Add(a);
        start.Environment.Remove("CDK_OUTDIR");
        start.Environment.Remove("CDK_CONTEXT_JSON");
        start.Environment["MULTIREGION_TIMINGS"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        var err = await stderr;
        try
        {
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{err}");
            var phases = err.Split('\n').Where(l => l.StartsWith("timing: ", StringComparison.Ordinal))
                .Select(l => l["timing: ".Length..].Split("  ", StringSplitOptions.RemoveEmptyEntries)[0].Trim()).ToList();
            Assert.Equal(["start-up and config", "jsii runtime start (rest)", "new App", "compose stacks", "app.Synth()",
                "guards and annotations", "plan.json and plan.md", "output folder", "summary and temp clean-up"], phases);
            Assert.DoesNotContain("timing:", stdout);
            Assert.Contains("Synthesized mlops", stdout);
            Assert.True(File.Exists(Path.Combine(output, "manifest.json")));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
