using Amazon.CDK.AWS.EC2;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Regional.Ingress;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Inputs of a region's compute.</summary>
public sealed record RegionalComputeProps(StackConfig Config, RegionConfig Region, IVpc Vpc, RegionalIngress Ingress);

/// <summary>
/// A region's compute: the EKS cluster, its tiered spot/on-demand node groups, the Cluster Autoscaler,
/// metrics-server, the AWS Load Balancer Controller (and VPA components when asked), and the configured workloads'
/// autoscaling and load balancer target groups. Everything sized from the stack config.
/// </summary>
public sealed class RegionalCompute : Construct
{
    public EksCluster Cluster { get; }
    public TieredNodeGroups NodeGroups { get; }
    public ClusterAutoscaler Autoscaler { get; }
    public ClusterAddons Addons { get; }
    public IReadOnlyDictionary<string, RegionalWorkload> Workloads { get; }

    public RegionalCompute(Construct scope, string id, RegionalComputeProps props) : base(scope, id)
    {
        var config = props.Config;
        var compute = config.Compute ?? throw new ArgumentException("the stack config has no compute section", nameof(props));
        var clusterName = CapacityPlan.ClusterName(config, props.Region);

        Cluster = new EksCluster(this, "Cluster", new EksClusterProps(clusterName, props.Region.Name, compute, props.Vpc, config.ProtectData));
        var cluster = Cluster.Cluster;

        NodeGroups = new TieredNodeGroups(this, "NodeGroups", new TieredNodeGroupsProps(cluster, CapacityPlan.For(config, props.Region)));
        _ = new NodeGroupAutoscalerTags(NodeGroups, "AutoscalerTags", new NodeGroupAutoscalerTagsProps(clusterName, NodeGroups.Groups));

        var addons = AddonVersions.Resolve(compute);
        Autoscaler = new ClusterAutoscaler(this, "Autoscaler",
            new ClusterAutoscalerProps(cluster, clusterName, compute.AutoscalerSettings, addons));

        var workloads = compute.EffectiveWorkloads;
        Addons = new ClusterAddons(this, "Addons",
            new ClusterAddonsProps(cluster, addons,
                WithVpa: workloads.Values.Any(w => w.Vpa is not null),
                WithGpu: NodeGroups.Groups.Any(g => g.Plan.Gpu)));

        // One manifest for all namespaces, so two workloads sharing one never delete it under each other.
        var namespaces = workloads.Count == 0 ? null : cluster.AddManifest("WorkloadNamespaces",
            workloads.Values.Select(w => w.Namespace).Distinct().Order(StringComparer.Ordinal).Select(WorkloadManifests.Namespace).ToArray());

        var byName = new Dictionary<string, RegionalWorkload>(StringComparer.Ordinal);
        foreach (var (name, w) in workloads)
            byName[name] = new RegionalWorkload(this, ConstructIds.Pascal(name), new RegionalWorkloadProps(
                name, w, w.Replicas[props.Region.SizingTier], cluster, props.Ingress, Addons, namespaces!));
        Workloads = byName;
    }
}
