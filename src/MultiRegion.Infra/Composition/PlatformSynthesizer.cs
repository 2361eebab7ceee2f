using Amazon.CDK;
using Amazon.CDK.CXAPI;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Composition;

/// <summary>The stacks of one synthesized platform and the cloud assembly they were written to.</summary>
public sealed record SynthResult(Platform Platform, CloudAssembly Assembly)
{
    /// <summary>The CDK's own warnings and errors from the assembly (see <see cref="CdkAnnotations"/>).</summary>
    public IReadOnlyList<CdkAnnotation> Annotations { get; init; } = [];
}

/// <summary>Builds the CDK app for a stack config and synthesizes it offline.</summary>
public static class PlatformSynthesizer
{
    /// <param name="today">The run's date for the lifecycle guard (default: today in UTC); tests pin it.</param>
    /// <exception cref="LifecycleRefusalException">A synthesized Lambda runtime that Lambda no longer creates.</exception>
    public static SynthResult Synthesize(StackConfig config, string outdir, DateOnly? today = null)
    {
        var day = today ?? Model.Lifecycle.LifecycleDates.TodayUtc();
        PhaseTimings.End("start-up and config");
        JsiiRuntimeWarmup.Join(); // the runtime may be starting on another thread: one caller at a time
        PhaseTimings.End("jsii runtime start (rest)");
        var app = new App(new AppProps
        {
            Outdir = outdir,
            AnalyticsReporting = false,
            // tree.json (1.8 MB for prod) only feeds the CDK console's construct tree view; writing it costs ~0.2 s.
            TreeMetadata = false,
            // Keep the per-resource metadata out of templates: diffs in PRs stay about real changes.
            Context = OfflineContext(config),
        });
        LambdaRuntimeLift.RegisterRegionFacts(Model.Planning.StackLayout.For(config).Select(spec => spec.Region), day);
        PhaseTimings.End("new App");
        var platform = Platform.Compose(app, config);
        PhaseTimings.End("compose stacks");
        foreach (var compute in platform.Regional.Values.Select(r => r.Compute).OfType<Regional.Compute.RegionalCompute>())
            LambdaRuntimeLift.Lift(compute.Cluster.KubectlHandler, day);
        var assembly = app.Synth();
        PhaseTimings.End("app.Synth()");
        var refusals = LambdaRuntimeGuard.Refusals(assembly.Directory, day);
        if (refusals.Count > 0)
            throw new LifecycleRefusalException(refusals);
        var annotations = CdkAnnotations.Read(outdir);
        PhaseTimings.End("guards and annotations");
        return new SynthResult(platform, assembly) { Annotations = annotations };
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
