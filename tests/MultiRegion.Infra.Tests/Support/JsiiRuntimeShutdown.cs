using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>
/// Ends the jsii Node.js process tree when the test host exits. The test host does not dispose the jsii runtime,
/// and is itself killed shortly after the run; the orphaned Node.js process was then seen spinning at full CPU
/// for good, slowing everything after it (CI runs the main job right after the tests). A graceful dispose can
/// outlast the test host's grace period, so the process tree is killed outright: nothing is left to flush.
/// </summary>
internal static class JsiiRuntimeShutdown
{
    [ModuleInitializer]
    internal static void Register() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillNodeProcess();

    private static void KillNodeProcess()
    {
        try
        {
            var assembly = typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly;
            var container = assembly.GetType("Amazon.JSII.Runtime.Services.ServiceContainer");
            // Only if the runtime was started: reading ServiceProvider would start one.
            var field = container?.GetField("_serviceProvider", BindingFlags.NonPublic | BindingFlags.Static);
            if (field?.GetValue(null) is not IServiceProvider provider) return;
            var nodeType = assembly.GetType("Amazon.JSII.Runtime.Services.INodeProcess");
            var node = nodeType is null ? null : provider.GetService(nodeType);
            var process = node?.GetType()
                .GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
                .Select(f => f.GetValue(node))
                .OfType<Process>()
                .FirstOrDefault();
            process?.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
