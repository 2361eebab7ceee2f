using Amazon.CDK;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Recovery;
using MultiRegion.Infra.Stacks;

namespace MultiRegion.Infra.Recovery;

/// <summary>
/// Region failover as code, composed across stacks: in every regional stack the writer parameters and the runbooks
/// for the other regions' failures; in the global stack (the alarms' region) the rules that start them, and the
/// runbooks themselves when that region is not a platform region. Nothing crosses regions by reference: document,
/// role and parameter names are computed from the config.
/// </summary>
public sealed class RecoveryTier
{
    public required IReadOnlyDictionary<string, RegionRunbooks> Runbooks { get; init; }
    public IReadOnlyDictionary<string, WriterParameters> Parameters { get; init; } = new Dictionary<string, WriterParameters>();
    public FailoverTriggers? Triggers { get; init; }

    public static RecoveryTier? Build(StackConfig config, IReadOnlyDictionary<string, RegionalStack> regional, GlobalStack global)
    {
        if (config.Recovery is not { } rc) return null;
        var plan = RunbookPlanner.Plan(config);
        var runbooks = new Dictionary<string, RegionRunbooks>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, WriterParameters>(StringComparer.Ordinal);
        foreach (var (region, stack) in regional)
        {
            if (RunbookPlanner.Stores(config).Count > 0)
                parameters[region] = new WriterParameters(stack, "WriterParameters", config);
            runbooks[region] = new RegionRunbooks(stack, "Runbooks", new RegionRunbooksProps(config, plan.Where(r => r.HostRegions.Contains(region)).ToList()));
        }
        if (!regional.ContainsKey(global.Region))
            runbooks[global.Region] = new RegionRunbooks(global, "Runbooks", new RegionRunbooksProps(config, plan.Where(r => r.HostRegions.Contains(global.Region)).ToList()));

        FailoverTriggers? triggers = null;
        if (rc.Trigger != RecoveryTrigger.Manual && global.Endpoints is { } endpoints)
        {
            triggers = new FailoverTriggers(global, "FailoverTriggers", new FailoverTriggersProps(config, endpoints.Alarms));
            // The rules start documents of the alarm region's regional stack by name: deploy those first.
            if (regional.TryGetValue(global.Region, out var host))
                global.AddDependency(host, "the failover rules start runbooks that stack creates");
        }
        return new RecoveryTier { Runbooks = runbooks, Parameters = parameters, Triggers = triggers };
    }
}
