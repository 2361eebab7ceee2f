using System.Diagnostics;

namespace MultiRegion.Infra.Composition;

/// <summary>
/// With <c>MULTIREGION_TIMINGS=1</c>, prints how long each phase of a run took to stderr (one line per phase, with
/// the time since the process started), so that a change's cost can be measured before reaching for a profiler.
/// Off by default: then <see cref="End"/> does nothing.
/// </summary>
public static class PhaseTimings
{
    private static readonly bool On = Environment.GetEnvironmentVariable("MULTIREGION_TIMINGS") == "1";
    private static double _lastMs; // the first phase runs from the process's start

    /// <summary>Ends the current phase under <paramref name="name"/> and starts the next.</summary>
    public static void End(string name)
    {
        if (!On) return;
        using var self = Process.GetCurrentProcess();
        var nowMs = (DateTime.Now - self.StartTime).TotalMilliseconds;
        Console.Error.WriteLine($"timing: {name,-30} {nowMs - _lastMs,7:F0} ms  (at {nowMs:F0} ms)");
        _lastMs = nowMs;
    }
}
