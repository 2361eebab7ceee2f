using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.FirstDeploy;

/// <summary>An environment the CDK must bootstrap before the first deploy, and the stacks that need it.</summary>
public sealed record BootstrapTarget(string Account, string Region, IReadOnlyList<string> Stacks)
{
    public string Environment => $"aws://{Account}/{Region}";
}

/// <summary>
/// The vCPUs one region's node groups need from one EC2 quota, at desired and at maximum size, next to the value a
/// new account starts with. Per group the largest instance type counts (the autoscaler may pick any of the list).
/// </summary>
public sealed record VcpuNeed(
    string Region,
    Ec2QuotaBucket Bucket,
    CapacityKind Capacity,
    string Quota,
    string QuotaCode,
    int DesiredVcpus,
    int MaxVcpus,
    int? NewAccountDefault)
{
    public bool OverAtDesired => NewAccountDefault is { } q && DesiredVcpus > q;

    public bool OverAtMax => NewAccountDefault is { } q && MaxVcpus > q;
}

/// <summary>Another account quota the synthesized templates count against.</summary>
public sealed record QuotaNeed(string Scope, string Quota, int Needed, int Default, string Source)
{
    public bool Over => Needed > Default;
}

/// <summary>What a first deploy into a fresh account needs: bootstrapped environments and EC2 vCPU quotas.</summary>
public sealed record FirstDeployChecklist(
    IReadOnlyList<BootstrapTarget> Bootstrap,
    string BootstrapCommand,
    IReadOnlyList<VcpuNeed> Vcpus,
    IReadOnlyList<string> UnknownInstanceTypes)
{
    /// <summary>Quotas counted from the synthesized templates (set by the plan writer).</summary>
    public IReadOnlyList<QuotaNeed> OtherQuotas { get; init; } = [];

    /// <summary>
    /// Adds the quotas that depend on what the templates hold: Elastic IPs and VPCs per region. Route53 health checks
    /// are not repeated here: plan.md's "AWS limits" section reports them once (<see cref="LimitsPlanner"/>, with the
    /// arithmetic of shared checks; LimitsTemplateTests ties its count to the template).
    /// </summary>
    public FirstDeployChecklist WithTemplates(IReadOnlyList<PlanStack> stacks)
    {
        static int Count(PlanStack s, string type) => s.ResourcesByType.TryGetValue(type, out var n) ? n : 0;
        var quotas = new List<QuotaNeed>();
        // docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html: 5 VPCs and 5 Elastic IPs per region.
        foreach (var g in stacks.GroupBy(s => s.Region, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var eips = g.Sum(s => Count(s, "AWS::EC2::EIP"));
            var vpcs = g.Sum(s => Count(s, "AWS::EC2::VPC"));
            if (eips > 0) quotas.Add(new(g.Key, "Elastic IP addresses (NAT gateways)", eips, 5, "docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html"));
            if (vpcs > 0) quotas.Add(new(g.Key, "VPCs", vpcs, 5, "docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html"));
        }
        return this with { OtherQuotas = quotas };
    }

    /// <summary>Every environment a stack of the layout deploys to (from <see cref="StackLayout"/>, never a hand list).</summary>
    public static FirstDeployChecklist For(StackConfig config)
    {
        var bootstrap = StackLayout.For(config)
            .GroupBy(s => s.Region, StringComparer.Ordinal)
            .Select(g => new BootstrapTarget(config.Account, g.Key, g.Select(s => s.Name).ToList()))
            .OrderBy(t => t.Region, StringComparer.Ordinal)
            .ToList();
        var command = "npx cdk bootstrap " + string.Join(" ", bootstrap.Select(t => t.Environment));

        var needs = new List<VcpuNeed>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        if (config.Compute is not null)
            foreach (var region in config.Regions)
            {
                var sums = new Dictionary<(Ec2QuotaBucket, CapacityKind), (long Desired, long Max)>();
                foreach (var group in CapacityPlan.For(config, region).SelectMany(t => t.Groups))
                {
                    var known = group.InstanceTypes.Select(t => (Type: t, Vcpus: Ec2QuotaBuckets.VcpusOf(t))).ToList();
                    foreach (var k in known.Where(k => k.Vcpus is null)) unknown.Add(k.Type);
                    var largest = known.Where(k => k.Vcpus is not null).MaxBy(k => k.Vcpus);
                    if (largest.Type is null) continue;
                    var key = (Ec2QuotaBuckets.BucketOf(largest.Type), group.Capacity);
                    sums.TryGetValue(key, out var s);
                    sums[key] = (s.Desired + (long)group.Bounds.Desired * largest.Vcpus!.Value, s.Max + (long)group.Bounds.Max * largest.Vcpus!.Value);
                }
                foreach (var ((bucket, capacity), (desired, max)) in sums.OrderBy(kv => kv.Key))
                {
                    var quota = Ec2QuotaBuckets.QuotaOf(bucket, capacity);
                    needs.Add(new VcpuNeed(region.Name, bucket, capacity,
                        quota?.Name ?? $"the {bucket} family's own {(capacity == CapacityKind.Spot ? "Spot" : "On-Demand")} quota",
                        quota?.Code ?? "-", (int)Math.Min(desired, int.MaxValue), (int)Math.Min(max, int.MaxValue), quota?.NewAccountDefault));
                }
            }
        return new FirstDeployChecklist(bootstrap, command, needs, [.. unknown]);
    }
}
