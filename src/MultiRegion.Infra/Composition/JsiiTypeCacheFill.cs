using System.Reflection;

namespace MultiRegion.Infra.Composition;

/// <summary>
/// Fills the jsii .NET runtime's type cache (jsii name to .NET type, for every loaded assembly) on the calling
/// thread while the warm-up thread waits for Node.js to load the construct library.
/// <para>
/// Why: the cache is filled lazily, on the first call that converts a jsii class or struct (for any CDK app, the
/// first <c>new App(props)</c>), and filling it means <c>Assembly.GetTypes()</c> on Amazon.CDK.Lib (23,266 types)
/// and reading each type's jsii attribute: 0.5-0.6 s of .NET work on the critical path, measured with dotnet-trace
/// (<c>TypeCache.Refresh</c> under <c>ConvertArguments</c>) and by phase timings (<c>new App</c> 0.60 s before, 0.08 s
/// after, prod 0.5 s faster in all). Done here, it overlaps the 0.8 s the main thread otherwise spends idle in
/// <see cref="JsiiRuntimeWarmup.Join"/>, on the core Node.js is not using.
/// </para>
/// <para>
/// How: the cache is internal to Amazon.JSII.Runtime (<c>ServiceContainer.ServiceProvider</c>,
/// <c>ITypeCache.TryGetClassType</c>, v1.103.1 sources: <c>Services/ServiceContainer.cs</c>,
/// <c>Services/TypeCache.cs</c>), so it is reached by reflection. It is safe beside the warm-up thread: the
/// service provider is a thread-safe <c>Lazy</c> and the type cache takes its own lock on every lookup; nothing
/// here talks to Node.js. If a runtime upgrade renames those members, <see cref="Fill"/> returns false and
/// synthesis is only slower (<c>JsiiTypeCacheFillTests</c> fails, so the upgrade notices).
/// </para>
/// </summary>
internal static class JsiiTypeCacheFill
{
    private const BindingFlags InternalStatic = BindingFlags.Static | BindingFlags.NonPublic;

    /// <summary>Fills the cache for every assembly loaded now. False if the runtime's internals were not found.</summary>
    /// <remarks>A runtime that fails to start (no Node.js) is left for the next CDK call to report.</remarks>
    public static bool Fill()
    {
        var runtime = typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly;
        var container = runtime.GetType("Amazon.JSII.Runtime.Services.ServiceContainer");
        var cacheType = runtime.GetType("Amazon.JSII.Runtime.Services.ITypeCache");
        var providerProperty = container?.GetProperty("ServiceProvider", InternalStatic);
        var lookup = cacheType?.GetMethod("TryGetClassType", [typeof(string)]);
        if (cacheType is null || providerProperty is null || lookup is null) return false;
        try
        {
            if (providerProperty.GetValue(null) is not IServiceProvider provider) return false;
            if (provider.GetService(cacheType) is not { } cache) return false;
            // Any lookup refreshes the cache for all loaded assemblies first; the name itself matches nothing.
            lookup.Invoke(cache, ["multiregion.warm-up"]);
            return true;
        }
        catch (TargetInvocationException)
        {
            return false; // the runtime did not start; the warm-up thread and the next CDK call see the same failure
        }
    }
}
