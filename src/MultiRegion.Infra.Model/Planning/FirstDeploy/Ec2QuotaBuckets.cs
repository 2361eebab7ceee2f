namespace MultiRegion.Infra.Model.Planning.FirstDeploy;

/// <summary>The EC2 vCPU quota an instance counts against (On-Demand and Spot have separate quotas per bucket).</summary>
public enum Ec2QuotaBucket
{
    /// <summary>A, C, D, H, I, M, R, T, Z families.</summary>
    Standard,

    /// <summary>G and VT families (graphics GPUs).</summary>
    GAndVt,

    /// <summary>P family (training GPUs).</summary>
    P,

    /// <summary>Any other family (F, Inf, Trn, X, DL, ...): each has its own quota; look it up in Service Quotas.</summary>
    Other,
}

/// <summary>One vCPU quota: its Service Quotas code and the value a new account starts with.</summary>
/// <param name="Code">Service Quotas code for <c>aws service-quotas get-service-quota --service-code ec2 --quota-code ...</c>.</param>
/// <param name="NewAccountDefault">
/// The default value Service Quotas shows for a new account. Secondary: AWS does not publish these per account and
/// raises them with usage; the numbers are those of a fresh account as read on 2026-11-21 (issue #9). Check yours.
/// </param>
public sealed record Ec2VcpuQuota(Ec2QuotaBucket Bucket, CapacityKind Capacity, string Name, string Code, int? NewAccountDefault);

/// <summary>
/// vCPU counts of instance types and the quota bucket of their family. EC2 On-Demand and Spot limits are counted
/// in vCPUs per family bucket and region (docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-spot-limits.html,
/// docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-on-demand-instances.html#ec2-on-demand-instances-limits).
/// </summary>
public static class Ec2QuotaBuckets
{
    public static readonly IReadOnlyList<Ec2VcpuQuota> Quotas =
    [
        new(Ec2QuotaBucket.Standard, CapacityKind.OnDemand, "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", "L-1216C47A", 5),
        new(Ec2QuotaBucket.GAndVt, CapacityKind.OnDemand, "Running On-Demand G and VT instances", "L-DB2E81BA", 0),
        new(Ec2QuotaBucket.P, CapacityKind.OnDemand, "Running On-Demand P instances", "L-417A185B", 0),
        new(Ec2QuotaBucket.Standard, CapacityKind.Spot, "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests", "L-34B43A08", 5),
        new(Ec2QuotaBucket.GAndVt, CapacityKind.Spot, "All G and VT Spot Instance Requests", "L-3819A6DF", 0),
        new(Ec2QuotaBucket.P, CapacityKind.Spot, "All P Spot Instance Requests", "L-7212CCBC", 0),
    ];

    public static Ec2VcpuQuota? QuotaOf(Ec2QuotaBucket bucket, CapacityKind capacity) =>
        Quotas.FirstOrDefault(q => q.Bucket == bucket && q.Capacity == capacity);

    /// <summary>The bucket of an instance type such as <c>p3.2xlarge</c> or <c>c6g.large</c>.</summary>
    public static Ec2QuotaBucket BucketOf(string instanceType)
    {
        var family = Family(instanceType);
        if (family.StartsWith("vt", StringComparison.Ordinal)) return Ec2QuotaBucket.GAndVt;
        if (family.StartsWith("inf", StringComparison.Ordinal) || family.StartsWith("trn", StringComparison.Ordinal)
            || family.StartsWith("dl", StringComparison.Ordinal)) return Ec2QuotaBucket.Other;
        return family[0] switch
        {
            'p' => Ec2QuotaBucket.P,
            'g' => Ec2QuotaBucket.GAndVt,
            'a' or 'c' or 'd' or 'h' or 'i' or 'm' or 'r' or 't' or 'z' => Ec2QuotaBucket.Standard,
            _ => Ec2QuotaBucket.Other,
        };
    }

    /// <summary>
    /// vCPUs of an instance type, from its size: current EC2 families follow large = 2, xlarge = 4, Nxlarge = 4N
    /// (aws.amazon.com/ec2/instance-types/ tables). Null for a size this rule does not cover
    /// (metal, nano..medium differ by family).
    /// </summary>
    public static int? VcpusOf(string instanceType)
    {
        var dot = instanceType.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return null;
        var size = instanceType[(dot + 1)..];
        if (size == "large") return 2;
        if (size == "xlarge") return 4;
        if (size.EndsWith("xlarge", StringComparison.Ordinal)
            && int.TryParse(size[..^"xlarge".Length], out var n) && n is > 0 and <= 64)
            return 4 * n;
        return null;
    }

    private static string Family(string instanceType)
    {
        var dot = instanceType.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? instanceType : instanceType[..dot]).ToLowerInvariant();
    }
}
