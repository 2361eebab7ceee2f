using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.CustomResources;
using Constructs;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Inputs of <see cref="NodeGroupAutoscalerTags"/>: the cluster's managed node groups with their plans.</summary>
public sealed record NodeGroupAutoscalerTagsProps(string ClusterName, IReadOnlyList<(PlannedNodeGroup Plan, Nodegroup Nodegroup)> Groups);

/// <summary>
/// Puts the Cluster Autoscaler's per-group tags on the Auto Scaling group behind each managed node group:
/// the scale-down utilization threshold (<c>.../autoscaling-options/scaledownutilizationthreshold</c>) and the
/// node template's labels and GPU taint (so a group at zero nodes can still be chosen for a pending pod).
/// EKS does not copy node group tags to its ASG, and CloudFormation does not expose the ASG, so SDK calls
/// do it after the node groups exist: DescribeNodegroup per group for its ASG name, then ONE CreateOrUpdateTags
/// for every group of the cluster (each tag names its ASG). One tag call instead of one per group keeps the
/// stack smaller and the synth faster. The calls re-run when a node group is replaced (its name changes)
/// or the tags change.
/// </summary>
public sealed class NodeGroupAutoscalerTags : Construct
{
    public const string Prefix = "k8s.io/cluster-autoscaler/node-template/";
    public const string ScaleDownUtilizationKey = Prefix + "autoscaling-options/scaledownutilizationthreshold";

    /// <summary>The tags written to each group's ASG, by node group name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> TagsByGroup { get; }

    public NodeGroupAutoscalerTags(Construct scope, string id, NodeGroupAutoscalerTagsProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var tagsByGroup = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var asgNames = new List<string>();
        var tags = new List<object>();
        foreach (var (plan, nodegroup) in props.Groups)
        {
            var groupTags = TagsOf(props.ClusterName, plan);
            tagsByGroup[plan.Name] = groupTags;
            var nodegroupName = nodegroup.NodegroupName;
            var describeCall = new AwsSdkCall
            {
                Service = "EKS",
                Action = "describeNodegroup",
                Parameters = new Dictionary<string, object> { ["clusterName"] = props.ClusterName, ["nodegroupName"] = nodegroupName },
                PhysicalResourceId = PhysicalResourceId.Of(nodegroupName),
                // Keep the response under the custom resource's 4 KB limit.
                OutputPaths = ["nodegroup.resources.autoScalingGroups.0.name"],
            };
            var describe = new AwsCustomResource(this, ConstructIds.Pascal(plan.Name) + "FindAsg", new AwsCustomResourceProps
            {
                OnCreate = describeCall,
                OnUpdate = describeCall,
                InstallLatestAwsSdk = false,
                Policy = AwsCustomResourcePolicy.FromStatements(
                [
                    IamStatement.Allow(["eks:DescribeNodegroup"], [nodegroup.NodegroupArn]),
                ]),
            });
            var asgName = describe.GetResponseField("nodegroup.resources.autoScalingGroups.0.name");
            asgNames.Add(asgName);
            tags.AddRange(groupTags.Select(t => (object)new Dictionary<string, object>
            {
                ["ResourceId"] = asgName,
                ["ResourceType"] = "auto-scaling-group",
                ["Key"] = t.Key,
                ["Value"] = t.Value,
                ["PropagateAtLaunch"] = false,
            }));
        }
        TagsByGroup = tagsByGroup;
        if (tags.Count == 0) return;

        var tagCall = new AwsSdkCall
        {
            Service = "AutoScaling",
            Action = "createOrUpdateTags",
            Parameters = new Dictionary<string, object> { ["Tags"] = tags.ToArray() },
            // A replaced node group has a new ASG: the id changes, so the tags are written again.
            PhysicalResourceId = PhysicalResourceId.Of(Fn.Join(",", [.. asgNames])),
        };
        new AwsCustomResource(this, "TagAsgs", new AwsCustomResourceProps
        {
            OnCreate = tagCall,
            OnUpdate = tagCall,
            InstallLatestAwsSdk = false,
            Policy = AwsCustomResourcePolicy.FromStatements(
            [
                // Only ASGs EKS made for this cluster's node groups.
                IamStatement.Allow(
                    ["autoscaling:CreateOrUpdateTags"],
                    [$"arn:{stack.Partition}:autoscaling:{stack.Region}:{stack.Account}:autoScalingGroup:*:autoScalingGroupName/eks-*"],
                    conditions: new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["aws:ResourceTag/eks:cluster-name"] = props.ClusterName },
                    }),
            ]),
        });
    }

    /// <summary>The autoscaler tags of a planned node group.</summary>
    public static IReadOnlyDictionary<string, string> TagsOf(string clusterName, PlannedNodeGroup plan)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            // EKS sets these two itself; repeated so discovery never depends on it.
            ["k8s.io/cluster-autoscaler/enabled"] = "true",
            [$"k8s.io/cluster-autoscaler/{clusterName}"] = "owned",
        };
        foreach (var (key, value) in TieredNodeGroups.LabelsOf(plan))
            tags[$"{Prefix}label/{key}"] = value;
        if (plan.Gpu)
            tags[$"{Prefix}taint/{NodeLabels.GpuTaintKey}"] = $"{NodeLabels.GpuTaintValue}:{NodeLabels.GpuTaintEffect}";
        if (plan.ScaleDownUtilization is { } u)
            tags[ScaleDownUtilizationKey] = u.ToString(CultureInfo.InvariantCulture);
        return tags;
    }
}
