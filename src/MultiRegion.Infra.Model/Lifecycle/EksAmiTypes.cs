namespace MultiRegion.Infra.Model.Lifecycle;

/// <summary>An EKS managed node group AMI type and when EKS stopped (or stops) publishing it.</summary>
/// <param name="AmiType">Value of <c>AWS::EKS::Nodegroup.AmiType</c>.</param>
/// <param name="EndOfSupport">No new AMIs from this date; null while none is announced.</param>
/// <param name="LastKubernetesVersion">Newest Kubernetes minor the AMI type is built for; null when current.</param>
public sealed record AmiTypeFacts(string AmiType, DateOnly? EndOfSupport, string? LastKubernetesVersion, string Source, DateOnly CheckedOn);

/// <summary>
/// EKS-optimized AMI types. "Amazon EKS will no longer publish EKS-optimized Amazon Linux 2 (AL2) AMIs after
/// November 26th, 2025 ... Kubernetes version 1.32 is the last version for which Amazon EKS will release AL2 AMIs"
/// (https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-build-scripts.html; awslabs/amazon-eks-ami#2545).
/// AL2023 has a standard and an NVIDIA (accelerated) variant for every supported version.
/// </summary>
public static class EksAmiTypes
{
    private const string Source = "https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-build-scripts.html";
    private static readonly DateOnly Checked = new(2026, 11, 22);

    /// <summary>CPU and memory nodes.</summary>
    public const string Standard = "AL2023_x86_64_STANDARD";

    /// <summary>
    /// GPU nodes: AL2023 with the NVIDIA driver and container toolkit. Not in CDK 2.160's NodegroupAmiType enum,
    /// so the node group sets it through the L1 property (CloudFormation AmiType accepts it).
    /// </summary>
    public const string Nvidia = "AL2023_x86_64_NVIDIA";

    public static readonly IReadOnlyList<AmiTypeFacts> All =
    [
        new("AL2_x86_64", new DateOnly(2025, 11, 26), "1.32", Source, Checked),
        new("AL2_x86_64_GPU", new DateOnly(2025, 11, 26), "1.32", Source, Checked),
        new("AL2_ARM_64", new DateOnly(2025, 11, 26), "1.32", Source, Checked),
        new(Standard, null, null, Source, Checked),
        new(Nvidia, null, null, Source, Checked),
    ];

    /// <summary>The AMI type of a node group.</summary>
    public static string For(bool gpu) => gpu ? Nvidia : Standard;

    public static AmiTypeFacts? Find(string amiType) => All.FirstOrDefault(r => r.AmiType == amiType);
}
