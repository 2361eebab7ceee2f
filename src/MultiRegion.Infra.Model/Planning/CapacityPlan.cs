using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>
/// One managed node group of a region: a node tier's spot or on-demand share.
/// </summary>
/// <param name="Tier">Node tier name from <c>sizing.*.nodeGroups</c> (cpu, memory, gpu, ...).</param>
/// <param name="Capacity">Spot or on-demand.</param>
/// <param name="Bounds">This group's min / desired / max.</param>
/// <param name="InstanceTypes">Spot: the tier's whole (diversified) list; on-demand: its first type.</param>
/// <param name="Gpu">GPU tier: tainted <c>nvidia.com/gpu=true:NoSchedule</c>.</param>
/// <param name="ScaleDownUtilization">The autoscaler's scale-down threshold for this group, if the tier sets one.</param>
public sealed record PlannedNodeGroup(
    string Tier,
    CapacityKind Capacity,
    NodeBounds Bounds,
    IReadOnlyList<string> InstanceTypes,
    bool Gpu,
    double? ScaleDownUtilization)
{
    /// <summary>Stable short name, e.g. <c>cpu-spot</c>, <c>gpu-ondemand</c>.</summary>
    public string Name => $"{Tier}-{(Capacity == CapacityKind.Spot ? "spot" : "ondemand")}";
}

/// <summary>A node tier of a region with its total bounds and the groups it is split into.</summary>
public sealed record PlannedTier(string Tier, NodeBounds Total, int SpotPercent, IReadOnlyList<PlannedNodeGroup> Groups);

/// <summary>The node groups of a region, derived from its sizing tier. Pure: the CDK code and the plan use the same answer.</summary>
public static class CapacityPlan
{
    /// <summary>A region's EKS cluster name: <c>app-environment-region</c>.</summary>
    public static string ClusterName(StackConfig config, RegionConfig region) => $"{config.Prefix}-{region.Name}";

    public static IReadOnlyList<PlannedTier> For(StackConfig config, RegionConfig region)
    {
        var sizing = config.SizingOf(region);
        return sizing.NodeGroups.Select(kv => Tier(kv.Key, kv.Value, sizing.SpotPercent)).ToList();
    }

    public static PlannedTier Tier(string name, NodeGroupSizing tier, int spotPercent)
    {
        var split = CapacitySplit.Of(tier, spotPercent);
        var groups = new List<PlannedNodeGroup>(2);
        // On-demand first: it carries the tier's baseline when the split leaves spot nothing.
        foreach (var kind in new[] { CapacityKind.OnDemand, CapacityKind.Spot })
        {
            var bounds = split.Of(kind);
            if (bounds.Max == 0) continue;
            var types = kind == CapacityKind.Spot ? tier.InstanceTypes : tier.InstanceTypes.Take(1).ToList();
            groups.Add(new PlannedNodeGroup(name, kind, bounds, types, tier.Gpu, tier.ScaleDownUtilization));
        }
        return new PlannedTier(name, split.Total, spotPercent, groups);
    }
}
