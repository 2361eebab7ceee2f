using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>
/// Ends the jsii runtime's Node.js processes before the test host goes, so none outlives <c>dotnet test</c>.
/// <para>
/// The runtime is two processes: Amazon.JSII.Runtime starts <c>node bin/jsii-runtime.js</c> (the wrapper, our
/// child) and the wrapper starts <c>node lib/program.js</c> (the kernel, our grandchild) and forwards our stdin to
/// it (https://github.com/aws/jsii/blob/main/packages/%40jsii/runtime/bin/jsii-runtime.ts). Nothing in the test
/// host ever shuts the runtime down: its only hook is a ProcessExit handler, and vstest kills the test host 100 ms
/// after the session ends (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT, microsoft/vstest ProxyOperationManager.Close).
/// The old fix made that worse: at process exit it called <c>Process.Kill(entireProcessTree)</c>, which stops the
/// wrapper (SIGSTOP), lists every process on the machine to find its children (slow on a shared machine), kills the
/// wrapper and only then the kernel (dotnet/runtime Process.Unix.cs, KillTree); killed half way, it left the kernel
/// with parent 1. The kernel can sit out SIGTERM while it is busy in synchronous work (its package-cache lock file
/// installs a JavaScript SIGTERM listener, signal-exit, which only runs when the event loop gets control), and on a
/// first run it has plenty of it: it extracts the whole construct library into its package cache
/// (~/.cache/aws/jsii/package-cache) synchronously.
/// </para>
/// <para>
/// So the runtime is now shut down while nothing is waiting to kill us: <see cref="JsiiTestFramework"/> calls
/// <see cref="Shutdown"/> after the last test and before the run is reported finished. It closes the wrapper's
/// stdin, which the wrapper passes on as end-of-input to the kernel: the kernel leaves its read loop, runs its own
/// exit handlers (temp folder, cache locks) and exits, then the wrapper. Only if that takes longer than the grace
/// period are they killed, kernel first, so nothing is ever orphaned. A detached watchdog covers a test host that
/// dies without reaching the end of the run (crash, cancel).
/// </para>
/// </summary>
internal static class JsiiRuntimeShutdown
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);
    private static int _watched;

    // Fallback when the run does not end through JsiiTestFramework: kernel first, without listing every process.
    [ModuleInitializer]
    internal static void Register() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillNow();

    /// <summary>Ends the runtime gracefully, then by force after <see cref="Grace"/>. Safe to call when it never started.</summary>
    public static void Shutdown()
    {
        if (NodeProcess() is not { } wrapper) return;
        var kernels = ChildrenOf(wrapper.Id);
        try
        {
            wrapper.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Already closed: the wait below still applies.
        }
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Grace && (IsAlive(wrapper.Id) || kernels.Any(IsAlive)))
            Thread.Sleep(50);
        foreach (var kernel in kernels.Where(IsAlive)) Kill(kernel);
        if (IsAlive(wrapper.Id)) Kill(wrapper.Id);
    }

    /// <summary>Starts the watchdog once, after the jsii runtime has started. Cheap to call again.</summary>
    public static void EnsureWatched()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref _watched, 1) == 1) return;
        if (NodeProcess() is not { } node) return;
        // Detached (the subshell is re-parented to init when sh returns), so killing the test host's process
        // tree does not take the watchdog with it. Kernel (the wrapper's child) first, then the wrapper, and
        // only while the pid still is a jsii runtime (pids are reused).
        var script = $"(while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                     $"grep -q jsii-runtime /proc/{node.Id}/cmdline 2>/dev/null && {{ pkill -9 -P {node.Id}; kill -9 {node.Id}; }}) " +
                     "</dev/null >/dev/null 2>&1 &";
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

    private static void KillNow()
    {
        if (NodeProcess() is not { } wrapper) return;
        foreach (var kernel in ChildrenOf(wrapper.Id)) Kill(kernel);
        Kill(wrapper.Id);
    }

    /// <summary>Direct children from /proc (no walk over every process on the machine).</summary>
    private static IReadOnlyList<int> ChildrenOf(int pid)
    {
        try
        {
            return Directory.GetDirectories($"/proc/{pid}/task")
                .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(int.Parse)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return [];
        }
    }

    /// <summary>Running (a zombie is gone: it only waits for its parent to read its status).</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') is false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>The jsii runtime's wrapper process (a singleton), if the runtime has started.</summary>
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
