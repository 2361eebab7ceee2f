using System.Reflection;
using System.Runtime.CompilerServices;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>
/// Stops the jsii Node.js process when the test host exits. The test host ends without disposing the jsii
/// runtime, and the orphaned Node.js process was seen spinning at full CPU afterwards, slowing whatever
/// runs next (CI runs the main job right after the tests). Disposing the runtime's service provider closes
/// the process's stdin and waits for it to exit, as a normal program exit does.
/// </summary>
internal static class JsiiRuntimeShutdown
{
    [ModuleInitializer]
    internal static void Register() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();

    private static void Dispose()
    {
        var container = typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly.GetType("Amazon.JSII.Runtime.Services.ServiceContainer");
        var provider = container?.GetProperty("ServiceProvider", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null);
        (provider as IDisposable)?.Dispose();
    }
}
