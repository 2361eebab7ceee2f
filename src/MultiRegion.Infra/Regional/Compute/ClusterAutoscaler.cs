using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Inputs of the Cluster Autoscaler.</summary>
public sealed record ClusterAutoscalerProps(Cluster Cluster, string ClusterName, ClusterAutoscalerConfig Settings, ResolvedAddons Addons);

/// <summary>
/// The Cluster Autoscaler (Helm chart), discovering node groups by their ASG tags, with an IRSA role limited to
/// the calls it makes: describe calls everywhere, and resize/terminate only on ASGs tagged as this cluster's.
/// Timings from config; per-group scale-down thresholds come from the ASG tags (<see cref="NodeGroupAutoscalerTags"/>).
/// </summary>
public sealed class ClusterAutoscaler : Construct
{
    public const string Namespace = "kube-system", ServiceAccountName = "cluster-autoscaler";
    public const string Repository = "https://kubernetes.github.io/autoscaler";

    public ServiceAccount ServiceAccount { get; }
    public HelmChart Chart { get; }

    public ClusterAutoscaler(Construct scope, string id, ClusterAutoscalerProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        ServiceAccount = props.Cluster.AddServiceAccount("ClusterAutoscalerAccount", new ServiceAccountOptions
        {
            Name = ServiceAccountName,
            Namespace = Namespace,
        });
        ServiceAccount.AddToPrincipalPolicy(IamStatement.Allow(
            // Describe calls take no resource-level permissions.
            [
                "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags",
                "ec2:DescribeImages", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements",
            ],
            ["*"]));
        ServiceAccount.AddToPrincipalPolicy(IamStatement.Allow(
            ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
            ["*"],
            conditions: new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { [$"aws:ResourceTag/k8s.io/cluster-autoscaler/{props.ClusterName}"] = "owned" },
            }));
        // Labels and taints of managed node groups at zero nodes.
        ServiceAccount.AddToPrincipalPolicy(IamStatement.Allow(
            ["eks:DescribeNodegroup"],
            [$"arn:{stack.Partition}:eks:{stack.Region}:{stack.Account}:nodegroup/{props.ClusterName}/*"]));

        var values = new Dictionary<string, object>
        {
            ["cloudProvider"] = "aws",
            ["awsRegion"] = stack.Region,
            ["autoDiscovery"] = new Dictionary<string, object> { ["clusterName"] = props.ClusterName },
            ["rbac"] = new Dictionary<string, object>
            {
                ["serviceAccount"] = new Dictionary<string, object> { ["create"] = false, ["name"] = ServiceAccountName },
            },
            ["extraArgs"] = ExtraArgs(props.Settings),
        };
        // The image's minor must match the cluster's: pinned from the version table (or the config's checked override).
        if (props.Addons.ClusterAutoscalerImageTag is { } tag)
            values["image"] = new Dictionary<string, object> { ["tag"] = tag };

        Chart = props.Cluster.AddHelmChart("ClusterAutoscalerChart", new HelmChartOptions
        {
            Chart = "cluster-autoscaler",
            Repository = Repository,
            Version = props.Addons.ClusterAutoscalerChart,
            Release = "cluster-autoscaler",
            Namespace = Namespace,
            Values = values,
        });
        Chart.Node.AddDependency(ServiceAccount);
    }

    /// <summary>The autoscaler's command-line flags from config.</summary>
    public static Dictionary<string, object> ExtraArgs(ClusterAutoscalerConfig s) => new()
    {
        ["scan-interval"] = $"{s.ScanIntervalSeconds}s",
        ["new-pod-scale-up-delay"] = $"{s.ScaleUpDelaySeconds}s",
        ["scale-down-delay-after-add"] = $"{s.ScaleDownDelayAfterAddSeconds}s",
        ["scale-down-unneeded-time"] = $"{s.ScaleDownUnneededSeconds}s",
        ["scale-down-utilization-threshold"] = s.ScaleDownUtilization.ToString(CultureInfo.InvariantCulture),
        ["expander"] = s.Expander,
    };
}
