using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Regional.Network;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Inputs of a region's node groups.</summary>
public sealed record TieredNodeGroupsProps(Cluster Cluster, IReadOnlyList<PlannedTier> Tiers);

/// <summary>
/// The region's managed node groups: per node tier a spot group (diversified instance list) and an on-demand
/// group (first instance type) whose bounds sum to the tier's (<see cref="CapacitySplit"/>). Each group is
/// labelled with its tier and capacity type; CPU/memory groups run AL2023 standard, GPU groups AL2023 NVIDIA, the <c>nvidia.com/gpu=true:NoSchedule</c>
/// taint and a GPU label. The configured desired size is only the initial size: the Cluster Autoscaler owns it after.
/// </summary>
public sealed class TieredNodeGroups : Construct
{
    /// <summary>Every node group with the plan it was made from.</summary>
    public IReadOnlyList<(PlannedNodeGroup Plan, Nodegroup Nodegroup)> Groups { get; }

    /// <summary>
    /// The nodes' instance role, shared by every group: one role and one set of policies instead of one per group.
    /// (The CDK maps it in aws-auth once per group; the repeated entries are identical and harmless.)
    /// </summary>
    public Role NodeRole { get; }

    public TieredNodeGroups(Construct scope, string id, TieredNodeGroupsProps props) : base(scope, id)
    {
        // The managed policies EKS documents for managed node groups; pods get their own AWS permissions through IRSA.
        NodeRole = new Role(this, "NodeRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ec2.amazonaws.com"),
            ManagedPolicies =
            [
                ManagedPolicy.FromAwsManagedPolicyName("AmazonEKSWorkerNodePolicy"),
                ManagedPolicy.FromAwsManagedPolicyName("AmazonEKS_CNI_Policy"),
                ManagedPolicy.FromAwsManagedPolicyName("AmazonEC2ContainerRegistryReadOnly"),
            ],
        });
        var groups = new List<(PlannedNodeGroup, Nodegroup)>();
        var rootVolumes = new Dictionary<bool, CfnLaunchTemplate>();
        foreach (var plan in props.Tiers.SelectMany(t => t.Groups))
        {
            if (!rootVolumes.TryGetValue(plan.Gpu, out var template))
                rootVolumes[plan.Gpu] = template = RootVolumeTemplate(plan.Gpu);
            var spot = plan.Capacity == CapacityKind.Spot;
            // No explicit name: a change that replaces the group (instance types) must not collide with the old one.
            var nodegroup = new Nodegroup(this, ConstructIds.Pascal(plan.Name), new NodegroupProps
            {
                Cluster = props.Cluster,
                NodeRole = NodeRole,
                InstanceTypes = plan.InstanceTypes.Select(t => new InstanceType(t)).ToArray(),
                CapacityType = spot ? CapacityType.SPOT : CapacityType.ON_DEMAND,
                MinSize = plan.Bounds.Min,
                DesiredSize = plan.Bounds.Desired,
                MaxSize = plan.Bounds.Max,
                // GPU groups: AmiType set below (AL2023 NVIDIA is not in CDK 2.160's enum, and the construct
                // refuses a non-GPU enum value for GPU instance types).
                AmiType = plan.Gpu ? null : NodegroupAmiType.AL2023_X86_64_STANDARD,
                Subnets = new SubnetSelection { SubnetGroupName = RegionalNetwork.PrivateSubnets },
                // Instance types stay on the node group (spot diversification); the template holds only the disk.
                LaunchTemplateSpec = new LaunchTemplateSpec { Id = template.Ref, Version = template.AttrLatestVersionNumber },
                Labels = LabelsOf(plan),
                Taints = plan.Gpu
                    ? [new TaintSpec { Key = NodeLabels.GpuTaintKey, Value = NodeLabels.GpuTaintValue, Effect = TaintEffect.NO_SCHEDULE }]
                    : null,
                Tags = new Dictionary<string, string> { [NodeLabels.Tier] = plan.Tier, [NodeLabels.CapacityType] = CapacityLabel(plan) },
            });
            // EKS published no AL2 AMIs after 2025-11-26 and none for Kubernetes >= 1.33 (Model/Lifecycle/EksAmiTypes):
            // GPU nodes run AL2023 with the NVIDIA driver, through the L1 property.
            if (plan.Gpu)
                ((CfnNodegroup)nodegroup.Node.DefaultChild!).AddPropertyOverride("AmiType", EksAmiTypes.For(gpu: true));
            groups.Add((plan, nodegroup));
        }
        Groups = groups;
    }

    /// <summary>Root volume of CPU/memory nodes: EKS's default ("The default disk size is 20 GiB for Linux", CreateNodegroup diskSize).</summary>
    public const int StandardRootVolumeGiB = 20;

    /// <summary>Root volume of GPU nodes: ML images (CUDA, frameworks) run to several GB each; an estimate, 2026-11-22.</summary>
    public const int GpuRootVolumeGiB = 100;

    /// <summary>
    /// A launch template that only sets the root volume: gp3, encrypted (with the account's default EBS key),
    /// deleted with the node. Without it managed node groups leave encryption to the account default. With a launch
    /// template the node group must not set diskSize (CreateNodegroup API: "If you specify launchTemplate, then don't
    /// specify diskSize"); instance types stay on the node group because the template names none (spot groups need a
    /// list; https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html). <c>/dev/xvda</c> is the root
    /// device of the EKS AL2023 AMIs.
    /// </summary>
    private CfnLaunchTemplate RootVolumeTemplate(bool gpu) => new(this, gpu ? "GpuRootVolume" : "RootVolume", new CfnLaunchTemplateProps
    {
        LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
        {
            BlockDeviceMappings = new object[]
            {
                new CfnLaunchTemplate.BlockDeviceMappingProperty
                {
                    DeviceName = "/dev/xvda",
                    Ebs = new CfnLaunchTemplate.EbsProperty
                    {
                        VolumeType = "gp3",
                        VolumeSize = gpu ? GpuRootVolumeGiB : StandardRootVolumeGiB,
                        Encrypted = true,
                        DeleteOnTermination = true,
                    },
                },
            },
        },
    });

    public static Dictionary<string, string> LabelsOf(PlannedNodeGroup plan)
    {
        var labels = new Dictionary<string, string>
        {
            [NodeLabels.Tier] = plan.Tier,
            [NodeLabels.CapacityType] = CapacityLabel(plan),
        };
        if (plan.Gpu) labels[NodeLabels.Gpu] = "true";
        return labels;
    }

    public static string CapacityLabel(PlannedNodeGroup plan) => plan.Capacity == CapacityKind.Spot ? "spot" : "on-demand";
}
