using Amazon.CDK;
using Amazon.CDK.CXAPI;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Composition;

/// <summary>The stacks of one synthesized platform and the cloud assembly they were written to.</summary>
public sealed record SynthResult(Platform Platform, CloudAssembly Assembly);

/// <summary>Builds the CDK app for a stack config and synthesizes it offline.</summary>
public static class PlatformSynthesizer
{
    public static SynthResult Synthesize(StackConfig config, string outdir)
    {
        JsiiRuntimeWarmup.Join(); // the runtime may be starting on another thread: one caller at a time
        var app = new App(new AppProps
        {
            Outdir = outdir,
            AnalyticsReporting = false,
            // tree.json (1.8 MB for prod) only feeds the CDK console's construct tree view; writing it costs ~0.2 s.
            TreeMetadata = false,
            // Keep the per-resource metadata out of templates: diffs in PRs stay about real changes.
            Context = OfflineContext(config),
        });
        var platform = Platform.Compose(app, config);
        var assembly = app.Synth();
        return new SynthResult(platform, assembly);
    }

    /// <summary>
    /// Context that would otherwise be looked up in the account (and so need credentials under the CDK CLI):
    /// each region's availability zones come from the stack config, exactly as a cdk.context.json would hold them.
    /// </summary>
    internal static Dictionary<string, object> OfflineContext(StackConfig config)
    {
        var context = new Dictionary<string, object>
        {
            // Keep the per-resource stack traces out of the assembly.
            ["aws:cdk:disable-stack-trace"] = true,
        };
        foreach (var region in config.Regions)
            context[$"availability-zones:account={config.Account}:region={region.Name}"] = region.AvailabilityZones.ToArray();
        return context;
    }
}
