using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Regional.Ingress;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Inputs of one workload in a region.</summary>
public sealed record RegionalWorkloadProps(
    string Name,
    WorkloadConfig Settings,
    ReplicaRange Replicas,
    Cluster Cluster,
    RegionalIngress Ingress,
    ClusterAddons Addons,
    KubernetesManifest Namespaces);

/// <summary>
/// A workload's regional scaling and ingress: its HPA (and VPA), and when it is exposed, a target group of the
/// regional load balancer that its pods join through a TargetGroupBinding, with the load balancer allowed to
/// reach the pods' port.
/// </summary>
public sealed class RegionalWorkload : Construct
{
    public KubernetesManifest Scaling { get; }
    public ApplicationTargetGroup? TargetGroup { get; }

    public RegionalWorkload(Construct scope, string id, RegionalWorkloadProps props) : base(scope, id)
    {
        var w = props.Settings;
        var pascal = ConstructIds.Pascal(props.Name);

        Scaling = props.Cluster.AddManifest($"{pascal}Hpa", WorkloadManifests.HorizontalPodAutoscaler(props.Name, w, props.Replicas));
        Scaling.Node.AddDependency(props.Namespaces);
        // HPAs read CPU and memory from metrics-server.
        Scaling.Node.AddDependency(props.Addons.MetricsServer);

        if (w.Vpa is { } vpa)
        {
            var vpaManifest = props.Cluster.AddManifest($"{pascal}Vpa", WorkloadManifests.VerticalPodAutoscaler(props.Name, w, vpa));
            vpaManifest.Node.AddDependency(props.Namespaces);
            // The VPA's CRDs come with its chart.
            vpaManifest.Node.AddDependency(props.Addons.Vpa!);
        }

        if (w.Ingress is { } ingress)
        {
            TargetGroup = props.Ingress.AddWorkload(props.Name, w.Port, ingress);
            // Pods take VPC addresses on the nodes' (cluster) security group.
            props.Ingress.LoadBalancer.Connections.AllowTo(props.Cluster.ClusterSecurityGroup, Port.Tcp(w.Port),
                $"{props.Name} pods from the regional load balancer");
            var binding = props.Cluster.AddManifest($"{pascal}TargetGroupBinding",
                WorkloadManifests.TargetGroupBinding(props.Name, w, TargetGroup.TargetGroupArn));
            binding.Node.AddDependency(props.Namespaces);
            // TargetGroupBinding is the controller's CRD.
            binding.Node.AddDependency(props.Addons.LoadBalancerController);
        }
    }
}
