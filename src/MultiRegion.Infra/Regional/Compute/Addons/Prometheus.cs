using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Regional.Compute.Addons;

/// <summary>Inputs of a cluster's Prometheus.</summary>
/// <param name="WorkspaceArn">The AMP workspace (primary region) it remote-writes to.</param>
/// <param name="WorkspaceRegion">The workspace's region: SigV4 signs for it, not for the cluster's.</param>
public sealed record PrometheusProps(
    Cluster Cluster, string ClusterName, string Region, ResolvedAddons Addons, ObservabilityConfig Settings,
    string WorkspaceArn, string RemoteWriteUrl, string WorkspaceRegion);

/// <summary>
/// The seed's regional Prometheus: the prometheus-community <c>prometheus</c> chart scraping the cluster (annotated
/// pods, kube-state-metrics, node exporter), keeping the configured days on its volume, and remote-writing every
/// sample, labelled with its region and cluster, to the AMP workspace. Its IRSA role may only
/// <c>aps:RemoteWrite</c> to that one workspace.
/// </summary>
public sealed class Prometheus : Construct
{
    public const string Namespace = "prometheus", Release = "prometheus", ServiceAccountName = "prometheus-server";
    public const string Repository = "https://prometheus-community.github.io/helm-charts";

    /// <summary>The server's in-cluster query URL (service <c>&lt;release&gt;-server</c>, port 80, chart defaults).</summary>
    public const string ServerUrl = $"http://{Release}-server.{Namespace}.svc";

    public KubernetesManifest NamespaceManifest { get; }
    public ServiceAccount ServiceAccount { get; }
    public HelmChart Chart { get; }

    public Prometheus(Construct scope, string id, PrometheusProps props) : base(scope, id)
    {
        NamespaceManifest = props.Cluster.AddManifest("PrometheusNamespace", new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new Dictionary<string, object> { ["name"] = Namespace },
        });
        ServiceAccount = props.Cluster.AddServiceAccount("PrometheusServerAccount", new ServiceAccountOptions
        {
            Name = ServiceAccountName,
            Namespace = Namespace,
        });
        ServiceAccount.Node.AddDependency(NamespaceManifest);
        // Remote write needs aps:RemoteWrite on the workspace, nothing else
        // (https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-and-IAM.html, AmazonPrometheusRemoteWriteAccess).
        ServiceAccount.AddToPrincipalPolicy(IamStatement.Allow(["aps:RemoteWrite"], [props.WorkspaceArn]));

        Chart = props.Cluster.AddHelmChart("PrometheusChart", new HelmChartOptions
        {
            Chart = "prometheus",
            Repository = Repository,
            Version = props.Addons.PrometheusChart,
            Release = Release,
            Namespace = Namespace,
            Values = Values(props.Settings, props.ClusterName, props.Region, props.RemoteWriteUrl, props.WorkspaceRegion),
        });
        Chart.Node.AddDependency(ServiceAccount);
    }

    /// <summary>The chart's values (pure; tested without synthesis).</summary>
    public static Dictionary<string, object> Values(
        ObservabilityConfig settings, string clusterName, string region, string remoteWriteUrl, string workspaceRegion) => new()
    {
        ["server"] = new Dictionary<string, object>
        {
            // Prometheus --storage.tsdb.retention.time (the seed's 30 days of local storage).
            ["retention"] = $"{settings.LocalRetentionDays}d",
            // An encrypted gp3 volume from the EBS CSI driver (EbsCsiDriver), so the samples outlive the pod.
            ["persistentVolume"] = new Dictionary<string, object>
            {
                ["enabled"] = true, ["size"] = $"{settings.LocalStorageGi}Gi", ["storageClass"] = EbsCsiDriver.StorageClassName,
            },
            // Every sample carries where it came from, so the global rules can aggregate or split by region.
            ["global"] = new Dictionary<string, object>
            {
                ["scrape_interval"] = "30s",
                ["evaluation_interval"] = "30s",
                ["external_labels"] = new Dictionary<string, object> { ["region"] = region, ["cluster"] = clusterName },
            },
            ["remoteWrite"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["url"] = remoteWriteUrl,
                    // Cross-region remote write: SigV4 signs for the workspace's region
                    // (https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-onboard-ingest-metrics-remote-write.html).
                    ["sigv4"] = new Dictionary<string, object> { ["region"] = workspaceRegion },
                    // AMP's recommended queue settings (same page).
                    ["queue_config"] = new Dictionary<string, object>
                    {
                        ["max_samples_per_send"] = 1000, ["max_shards"] = 200, ["capacity"] = 2500,
                    },
                },
            },
        },
        ["serviceAccounts"] = new Dictionary<string, object>
        {
            // The IRSA account above; the chart must not create its own.
            ["server"] = new Dictionary<string, object> { ["create"] = false, ["name"] = ServiceAccountName },
        },
        // Alerts are evaluated and routed in the AMP workspace (global rules, severity topics), not per cluster.
        ["alertmanager"] = new Dictionary<string, object> { ["enabled"] = false },
        ["prometheus-pushgateway"] = new Dictionary<string, object> { ["enabled"] = false },
    };
}
