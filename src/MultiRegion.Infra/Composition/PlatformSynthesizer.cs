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
        var app = new App(new AppProps
        {
            Outdir = outdir,
            AnalyticsReporting = false,
            // Keep the per-resource metadata out of templates: diffs in PRs stay about real changes.
            Context = new Dictionary<string, object> { ["aws:cdk:disable-stack-trace"] = true },
        });
        var platform = Platform.Compose(app, config);
        var assembly = app.Synth();
        return new SynthResult(platform, assembly);
    }
}
