using Amazon.CDK;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Regional.Data;
using MultiRegion.Infra.Stacks;

namespace MultiRegion.Infra.Composition;

/// <summary>
/// The whole platform of one stack config: a regional stack per region composed by the global stacks.
/// Stack names and construct ids are stable; changing one replaces what it holds.
/// </summary>
public sealed class Platform
{
    public required StackConfig Config { get; init; }
    public required IReadOnlyDictionary<string, RegionalStack> Regional { get; init; }
    public required GlobalStack Global { get; init; }
    public AcceleratorStack? Accelerator { get; init; }
    public required DataTier Data { get; init; }
    public MultiRegion.Infra.Alerting.PlatformAlerting? Alerting { get; init; }
    public MultiRegion.Infra.Observability.PlatformObservability? Observability { get; init; }

    /// <summary>Runbooks, writer parameters and failover triggers; null without a recovery section.</summary>
    public MultiRegion.Infra.Recovery.RecoveryTier? Recovery { get; init; }

    /// <summary>Every stack with the spec it was made from.</summary>
    public IEnumerable<(StackSpec Spec, Stack Stack)> Stacks =>
        StackLayout.For(Config).Select(spec => (spec, Find(spec)));

    public static Platform Compose(App app, StackConfig config)
    {
        var regional = new Dictionary<string, RegionalStack>(StringComparer.Ordinal);
        foreach (var region in config.Regions)
            regional[region.Name] = new RegionalStack(app, config, region);

        var data = DataTier.Build(app, config, regional);
        if (Infra.Global.Waf.OriginVerify.IsOn(config))
            foreach (var region in config.Regions.Where(r => r.Role != RegionRole.Primary))
                regional[region.Name].AddDependency(regional[config.PrimaryRegion.Name],
                    "its web ACL resolves the origin-verify secret replicated from the primary region's stack");

        var accelerator = config.Edge?.Accelerator is null ? null : new AcceleratorStack(app, config, regional);
        var global = new GlobalStack(app, config, regional, accelerator);
        var alerting = MultiRegion.Infra.Alerting.PlatformAlerting.Attach(config, regional, global);
        var observability = MultiRegion.Infra.Observability.PlatformObservability.Attach(config, regional, alerting);

        var recovery = MultiRegion.Infra.Recovery.RecoveryTier.Build(config, regional, global);

        return new Platform { Config = config, Regional = regional, Global = global, Accelerator = accelerator, Data = data, Alerting = alerting, Recovery = recovery, Observability = observability };
    }

    private Stack Find(StackSpec spec) => spec.Kind switch
    {
        StackKind.Regional => Regional.Values.Single(s => s.StackName == spec.Name),
        StackKind.Global => Global,
        StackKind.Accelerator => Accelerator!,
        StackKind.Replica => Data.ReplicaStacks[spec.Region],
        StackKind.Backup => Data.BackupStack!,
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown stack kind"),
    };
}
