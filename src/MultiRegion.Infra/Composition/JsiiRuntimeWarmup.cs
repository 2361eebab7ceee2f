using System.Reflection;
using System.Runtime.CompilerServices;

namespace MultiRegion.Infra.Composition;

/// <summary>
/// Starts the jsii runtime (Node.js, then loading the construct library: the fixed cost every CDK app pays) on a
/// background thread as soon as the program starts, so it overlaps with reading and validating the stack config
/// instead of following it. Profiled on prod (see README, Performance): the runtime's start is the single
/// biggest block of time, and the main thread used to spend it idle in <c>new App()</c>.
/// <para>
/// The jsii client is not thread-safe (one pipe, requests in order), so <see cref="Join"/> must return before the
/// main thread makes its first CDK call; <see cref="PlatformSynthesizer.Synthesize"/> calls it first. Only when
/// this program is the entry point: test hosts call the CDK from their own threads and are left alone.
/// </para>
/// <para>
/// The main thread does nothing jsii-related while it waits, not even the jsii runtime's type cache (0.6 s of the
/// first <c>new App</c>, tried 2026-11-22): constructing a jsii type attribute calls <c>JsiiTypeAttributeBase.Load</c>,
/// which sends the library to Node.js again while the warm-up's load is in flight, a second request on the one pipe
/// (a run from a fresh clone failed with "Could not convert argument 'Amazon.CDK.AppProps' to Jsii"). Loading only the
/// types and their attribute metadata, which is safe, made prod slower (10 alternating pairs: 7.52 s against 7.24 s).
/// </para>
/// </summary>
internal static class JsiiRuntimeWarmup
{
    private static Task? _warm;

    [ModuleInitializer]
    internal static void Start()
    {
        if (Assembly.GetEntryAssembly() != typeof(JsiiRuntimeWarmup).Assembly) return;
        var args = Environment.GetCommandLineArgs();
        if (args.Any(a => a is "-h" or "--help" or "--version")) return;
        TuneNodeGarbageCollector();
        ProcessScratch.Use();
        // Any static CDK call starts the runtime and loads aws-cdk-lib with its dependencies.
        _warm = Task.Run(() => Amazon.CDK.Token.IsUnresolved(""));
    }

    /// <summary>Waits for the warm-up, if one was started. Its failure (no Node.js) is reported by the next CDK call.</summary>
    public static void Join()
    {
        try
        {
            _warm?.Wait();
        }
        catch (AggregateException)
        {
            // The runtime keeps the failure and throws it again on the caller's thread.
        }
    }

    /// <summary>
    /// A larger young generation for the jsii Node.js process (it inherits our environment): synthesis allocates
    /// mostly short-lived objects, and V8's default semi-space (16 MiB on 64-bit, https://nodejs.org/api/cli.html
    /// "--max-semi-space-size": "may improve throughput ... at the cost of more memory") made the scavenger run
    /// often: 2.6 s of garbage collection in a 26 s profile of prod, 1.6 s with 32 MiB. Costs 3 x 48 MiB of heap
    /// at most. An operator's own NODE_OPTIONS setting for it wins.
    /// </summary>
    private static void TuneNodeGarbageCollector()
    {
        var current = Environment.GetEnvironmentVariable("NODE_OPTIONS") ?? "";
        if (current.Contains("--max-semi-space-size", StringComparison.Ordinal)) return;
        Environment.SetEnvironmentVariable("NODE_OPTIONS", $"{current} --max-semi-space-size=64".Trim());
    }
}
