using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>What a stack holds.</summary>
public enum StackKind
{
    /// <summary>One per region: network, compute and that region's part of the data tier.</summary>
    Regional,

    /// <summary>The global edge, homed in us-east-1: CloudFront, its WAF and certificate, Route53.</summary>
    Global,

    /// <summary>Global Accelerator, in us-west-2 (its only API region); only when the config has one.</summary>
    Accelerator,
    /// <summary>Bucket replicas of one destination region, deployed before the primary region's stack (S3 needs the destination to exist).</summary>
    Replica,

    /// <summary>The backup region's copy vault, deployed before the primary region's stack.</summary>
    Backup,
}

/// <summary>One CloudFormation stack the program will synthesize.</summary>
/// <param name="Name">Stable stack name (<c>app-environment-region</c> style). Changing it orphans the deployed stack.</param>
/// <param name="Region">Region the stack deploys to.</param>
/// <param name="RoleLabel">The <c>region-role</c> tag: the region's role, or <c>global</c>.</param>
public sealed record StackSpec(string Name, string Region, StackKind Kind, string RoleLabel);

/// <summary>Which stacks a stack config produces. Pure, so names are testable without synthesizing.</summary>
public static class StackLayout
{
    public static string RegionalStackName(StackConfig c, string region) => $"{c.Prefix}-{region}";

    public static string GlobalStackName(StackConfig c) => $"{c.Prefix}-global";

    public static string AcceleratorStackName(StackConfig c) => $"{c.Prefix}-accelerator";

    public static IReadOnlyList<StackSpec> For(StackConfig c)
    {
        var stacks = c.Regions
            .Select(r => new StackSpec(RegionalStackName(c, r.Name), r.Name, StackKind.Regional, r.RoleName))
            .ToList();
        if (c.Edge?.Accelerator is not null)
            stacks.Add(new StackSpec(AcceleratorStackName(c), AwsRegions.GlobalAcceleratorHome, StackKind.Accelerator, "global"));
        if (c.Data is { } data)
        {
            stacks.AddRange(data.ReplicaRegions.Select(r => new StackSpec(DataNames.ReplicaStackName(c, r), r, StackKind.Replica, "replica")));
            if (data.Backup is { } backup)
                stacks.Add(new StackSpec(DataNames.BackupStackName(c), backup.Region, StackKind.Backup, "backup"));
        }
        stacks.Add(new StackSpec(GlobalStackName(c), AwsRegions.CloudFrontHome, StackKind.Global, "global"));
        return stacks;
    }
}
