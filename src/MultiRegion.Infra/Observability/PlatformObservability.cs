using MultiRegion.Infra.Composition.References;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Model.Planning.Observability;
using MultiRegion.Infra.Regional.Compute.Addons;
using MultiRegion.Infra.Stacks;

namespace MultiRegion.Infra.Observability;

/// <summary>
/// The metrics pipeline across the platform: the AMP workspace in the primary region's stack, and in every cluster a
/// Prometheus remote-writing to it and a prometheus-adapter serving the HPAs' pods metrics. Other regions read the
/// workspace's ARN and endpoint through weak references (<see cref="CrossStackValue"/>). Nothing when off.
/// </summary>
public sealed class PlatformObservability
{
    public required MetricsWorkspace Workspace { get; init; }
    public required IReadOnlyDictionary<string, Prometheus> Prometheus { get; init; }
    public required IReadOnlyDictionary<string, PrometheusAdapter> Adapters { get; init; }

    public static PlatformObservability? Attach(StackConfig config, IReadOnlyDictionary<string, RegionalStack> regional,
        Alerting.PlatformAlerting? alerting)
    {
        if (!config.ObservabilityOn) return null;
        var settings = config.Observability!;
        var primaryRegion = config.PrimaryRegion.Name;
        var primary = regional[primaryRegion];
        var topics = alerting?.RegionalTopics[primaryRegion].Topics.ToDictionary(t => t.Key, t => t.Value.TopicArn)
                     ?? new Dictionary<string, string>();
        var workspace = new MetricsWorkspace(primary, "Metrics", new MetricsWorkspaceProps(config, settings, topics));
        if (settings.Grafana)
            _ = new ManagedGrafana(primary, "Grafana", new ManagedGrafanaProps($"{config.Prefix}-grafana", workspace.Workspace.AttrArn));

        var rules = AdapterRulePlan.For(config);
        var servers = new Dictionary<string, Prometheus>(StringComparer.Ordinal);
        var adapters = new Dictionary<string, PrometheusAdapter>(StringComparer.Ordinal);
        foreach (var (region, stack) in regional)
        {
            var compute = stack.Compute!;
            var arn = CrossStackValue.Read(stack, primary, config, "metrics-workspace-arn", workspace.Workspace.AttrArn);
            var url = CrossStackValue.Read(stack, primary, config, "metrics-remote-write-url", workspace.RemoteWriteUrl);
            var addons = AddonVersions.Resolve(config.Compute!);
            var server = servers[region] = new Prometheus(compute, "Prometheus", new PrometheusProps(
                compute.Cluster.Cluster, Model.Planning.CapacityPlan.ClusterName(config, stack.RegionConfig), region, addons, settings, arn, url, primaryRegion));
            // Its volume needs the EBS CSI driver and the gp3 class.
            var ebs = new EbsCsiDriver(compute, "EbsCsiDriver", compute.Cluster.Cluster);
            server.Chart.Node.AddDependency(ebs.StorageClass);
            // The driver's controller pods need nodes to become active.
            ebs.Addon.Node.AddDependency(compute.NodeGroups);
            adapters[region] = new PrometheusAdapter(compute, "MetricsAdapter",
                new PrometheusAdapterProps(compute.Cluster.Cluster, addons, rules, server));
        }
        return new PlatformObservability { Workspace = workspace, Prometheus = servers, Adapters = adapters };
    }
}
