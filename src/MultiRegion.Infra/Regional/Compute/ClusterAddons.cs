using System.Reflection;
using Amazon.CDK.AWS.EKS;
using Constructs;
using MultiRegion.Infra.Model.Lifecycle;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Inputs of the cluster add-ons.</summary>
public sealed record ClusterAddonsProps(Cluster Cluster, ResolvedAddons Addons, bool WithVpa, bool WithGpu);

/// <summary>
/// The add-ons the workloads' scaling and ingress need: metrics-server (CPU/memory metrics for HPAs),
/// the AWS Load Balancer Controller with its IRSA role (pods register with the regional load balancer's
/// target groups through TargetGroupBinding), the VPA components when a workload asks for a VPA, and the NVIDIA
/// device plugin when a node tier has GPUs (without it no pod can request <c>nvidia.com/gpu</c>).
/// </summary>
public sealed class ClusterAddons : Construct
{
    public HelmChart MetricsServer { get; }
    public AlbController LoadBalancerController { get; }
    public HelmChart? Vpa { get; }
    public HelmChart? NvidiaDevicePlugin { get; }

    public ClusterAddons(Construct scope, string id, ClusterAddonsProps props) : base(scope, id)
    {
        MetricsServer = props.Cluster.AddHelmChart("MetricsServerChart", new HelmChartOptions
        {
            Chart = "metrics-server",
            Repository = "https://kubernetes-sigs.github.io/metrics-server/",
            Version = props.Addons.MetricsServerChart,
            Release = "metrics-server",
            Namespace = "kube-system",
        });

        // The CDK's controller construct: IRSA service account with the controller's published IAM policy, and its chart.
        LoadBalancerController = new AlbController(this, "LoadBalancerController", new AlbControllerProps
        {
            Cluster = props.Cluster,
            Version = LoadBalancerControllerVersion(props.Addons.LoadBalancerController),
        });

        if (props.WithVpa)
            Vpa = props.Cluster.AddHelmChart("VpaChart", new HelmChartOptions
            {
                Chart = "vpa",
                Repository = "https://charts.fairwinds.com/stable",
                Version = props.Addons.VpaChart,
                Release = "vpa",
                Namespace = "vpa",
                CreateNamespace = true,
                Values = new Dictionary<string, object>
                {
                    ["recommender"] = new Dictionary<string, object> { ["enabled"] = true },
                    ["updater"] = new Dictionary<string, object> { ["enabled"] = true },
                    ["admissionController"] = new Dictionary<string, object> { ["enabled"] = true },
                },
            });

        if (props.WithGpu)
            NvidiaDevicePlugin = props.Cluster.AddHelmChart("NvidiaDevicePluginChart", new HelmChartOptions
            {
                Chart = "nvidia-device-plugin",
                Repository = "https://nvidia.github.io/k8s-device-plugin",
                Version = props.Addons.NvidiaDevicePluginChart,
                Release = "nvidia-device-plugin",
                Namespace = "kube-system",
                Values = new Dictionary<string, object>
                {
                    // Only on GPU nodes, which are tainted.
                    ["nodeSelector"] = new Dictionary<string, object> { [NodeLabels.Gpu] = "true" },
                    ["tolerations"] = new object[]
                    {
                        new Dictionary<string, object> { ["key"] = NodeLabels.GpuTaintKey, ["operator"] = "Exists", ["effect"] = NodeLabels.GpuTaintEffect },
                    },
                },
            });
    }

    /// <summary>The CDK's predefined controller version (it carries the matching IAM policy and chart version).</summary>
    public static AlbControllerVersion LoadBalancerControllerVersion(string version)
    {
        var property = typeof(AlbControllerVersion).GetProperty("V" + version.Replace('.', '_'), BindingFlags.Public | BindingFlags.Static);
        return property?.GetValue(null) as AlbControllerVersion
               ?? throw new ArgumentException($"AWS Load Balancer Controller {version} is not one the CDK knows", nameof(version));
    }
}
