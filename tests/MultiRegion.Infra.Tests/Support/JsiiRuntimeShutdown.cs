using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>
/// Ends the jsii Node.js process tree when the test host goes. The test host never disposes the jsii runtime
/// and is killed at the end of a run (SIGKILL: no exit handlers run); the orphaned Node.js process was then seen
/// spinning at full CPU for good, slowing everything after it (CI runs the main job right after the tests).
/// So a small watchdog outside the test host waits for it to go and kills the Node.js tree; a process-exit
/// handler does the same when the host exits normally.
/// </summary>
internal static class JsiiRuntimeShutdown
{
    private static int _watched;

    [ModuleInitializer]
    internal static void Register() => AppDomain.CurrentDomain.ProcessExit += (_, _) => NodeProcess()?.Kill(entireProcessTree: true);

    /// <summary>Starts the watchdog once, after the jsii runtime has started. Cheap to call again.</summary>
    public static void EnsureWatched()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref _watched, 1) == 1) return;
        if (NodeProcess() is not { } node) return;
        // Detached (the subshell is re-parented to init when sh returns), so killing the test host's process
        // tree does not take the watchdog with it.
        var script = $"(while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; pkill -9 -P {node.Id}; kill -9 {node.Id}) </dev/null >/dev/null 2>&1 &";
        var info = new ProcessStartInfo("sh", ["-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var starter = Process.Start(info);
        starter?.WaitForExit();
    }

    /// <summary>The jsii runtime's Node.js process (a singleton), if the runtime has started.</summary>
    private static Process? NodeProcess()
    {
        try
        {
            var assembly = typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly;
            var field = assembly.GetType("Amazon.JSII.Runtime.Services.ServiceContainer")
                ?.GetField("_serviceProvider", BindingFlags.NonPublic | BindingFlags.Static);
            // Only an already started runtime: reading the provider would start one.
            if (field?.GetValue(null) is not Lazy<IServiceProvider> { IsValueCreated: true } provider) return null;
            var nodeType = assembly.GetType("Amazon.JSII.Runtime.Services.INodeProcess");
            var node = nodeType is null ? null : provider.Value.GetService(nodeType);
            var process = node?.GetType().GetField("_process", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(node) as Process;
            return process is { HasExited: false } ? process : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
