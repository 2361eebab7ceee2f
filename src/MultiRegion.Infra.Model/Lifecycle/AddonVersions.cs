using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Lifecycle;

/// <summary>The cluster add-ons the program installs (one row per version it knows).</summary>
public enum Addon
{
    ClusterAutoscaler,
    MetricsServer,
    LoadBalancerController,
    Vpa,
    NvidiaDevicePlugin,
    Prometheus,
    PrometheusAdapter,
}

/// <summary>One pinned add-on version and the Kubernetes minors it supports.</summary>
/// <param name="Version">Helm chart version (for the load balancer controller: the controller version the CDK's AlbController takes).</param>
/// <param name="ImageTag">Image tag the program pins, where the chart's default is not the one to run (null: the chart's).</param>
/// <param name="MinMinor">Oldest supported Kubernetes 1.x minor.</param>
/// <param name="MaxMinor">Newest supported minor (null: the project documents no upper bound).</param>
public sealed record AddonVersion(
    Addon Addon, string Version, string? ImageTag, int MinMinor, int? MaxMinor, string Source, DateOnly CheckedOn)
{
    public bool Supports(int minor) => minor >= MinMinor && (MaxMinor is null || minor <= MaxMinor);
}

/// <summary>The add-on versions resolved for one cluster: the config's overrides, else the table's newest fit.</summary>
public sealed record ResolvedAddons(
    string ClusterAutoscalerChart, string? ClusterAutoscalerImageTag, string MetricsServerChart,
    string LoadBalancerController, string VpaChart, string NvidiaDevicePluginChart)
{
    /// <summary>prometheus-community <c>prometheus</c> chart (the metrics pipeline; no config override).</summary>
    public string PrometheusChart { get; init; } = "";

    /// <summary>prometheus-community <c>prometheus-adapter</c> chart.</summary>
    public string PrometheusAdapterChart { get; init; } = "";
}

/// <summary>
/// One table of external versions (style notes: chart version, image tag, supported Kubernetes minors). A config
/// override must be a row that supports the cluster's minor (<c>ComputeRules</c>); without one the newest row that
/// does is used, and a minor with no row for a component is refused at load, never a quiet fallback.
/// </summary>
public static class AddonVersions
{
    private static readonly DateOnly Checked = new(2026, 11, 22);

    public static readonly IReadOnlyList<AddonVersion> All =
    [
        // The autoscaler's minor must match the cluster's ("use the Cluster Autoscaler release that matches your
        // Kubernetes minor", kubernetes/autoscaler cluster-autoscaler/README.md#releases). Chart 9.59.0 defaults to
        // 1.35.0 (kubermatic/kubermatic#16253; kubernetes/autoscaler#9193 made 1.35.0 the chart's default).
        new(Addon.ClusterAutoscaler, "9.59.0", "v1.35.0", 35, 35,
            "https://github.com/kubernetes/autoscaler/releases/tag/cluster-autoscaler-1.35.0", Checked),
        // metrics-server 0.8.x (chart 3.13.0) supports Kubernetes 1.31+ (compatibility matrix; kubernetes-sigs/kubespray#12493).
        new(Addon.MetricsServer, "3.13.0", null, 31, null,
            "https://github.com/kubernetes-sigs/metrics-server#compatibility-matrix", Checked),
        // The newest controller whose IAM policy CDK 2.160 bundles (AlbControllerVersion.V2_8_2, chart 1.8.2). Its
        // docs require Kubernetes 1.22+ and give no upper bound; it uses only GA APIs (networking.k8s.io/v1,
        // discovery.k8s.io/v1, admissionregistration.k8s.io/v1) that 1.35 still serves. Newer controllers need the
        // policy passed by hand (README: known limitations).
        new(Addon.LoadBalancerController, "2.8.2", null, 22, null,
            "https://kubernetes-sigs.github.io/aws-load-balancer-controller/v2.8/deploy/installation/", Checked),
        // Fairwinds chart 4.12.5 runs VPA 1.6.0; VPA 1.x supports Kubernetes 1.28+ (FairwindsOps/charts#1978).
        new(Addon.Vpa, "4.12.5", null, 28, null, "https://github.com/FairwindsOps/charts/pull/1978", Checked),
        // Device plugin 0.18.2 (NVIDIA/k8s-device-plugin#1600); the plugin API it uses is stable since Kubernetes 1.10.
        new(Addon.NvidiaDevicePlugin, "0.18.2", null, 10, null, "https://github.com/NVIDIA/k8s-device-plugin/pull/1600", Checked),
        // prometheus-community prometheus chart 27.42.0 (Prometheus 3.x); its Chart.yaml declares kubeVersion
        // ">=1.19.0-0" and no upper bound, and the server and kube-state-metrics use only GA APIs that 1.35 serves.
        new(Addon.Prometheus, "27.42.0", null, 19, null,
            "https://github.com/prometheus-community/helm-charts/blob/main/charts/prometheus/Chart.yaml", Checked),
        // prometheus-adapter chart 5.3.0 (DaoCloud/dce-charts-repackage#3936, 2026-02-20); it registers the
        // custom.metrics.k8s.io APIService through apiregistration.k8s.io/v1 (GA since 1.10) and no removed API.
        new(Addon.PrometheusAdapter, "5.3.0", null, 14, null,
            "https://github.com/prometheus-community/helm-charts/tree/main/charts/prometheus-adapter", Checked),
    ];

    /// <summary>The minor of a version such as <c>"1.35"</c>, or null when it is not one.</summary>
    public static int? MinorOf(string kubernetesVersion) =>
        kubernetesVersion.StartsWith("1.", StringComparison.Ordinal) && int.TryParse(kubernetesVersion[2..], out var m) ? m : null;

    /// <summary>Rows of a component that support a minor, newest first.</summary>
    public static IReadOnlyList<AddonVersion> For(Addon addon, int minor) =>
        All.Where(r => r.Addon == addon && r.Supports(minor)).OrderByDescending(r => Version.Parse(r.Version)).ToList();

    /// <summary>The versions a valid config deploys (call after load: the rules guarantee a row for each).</summary>
    public static ResolvedAddons Resolve(ComputeConfig compute)
    {
        var minor = MinorOf(compute.KubernetesVersion) ?? throw new ArgumentException($"'{compute.KubernetesVersion}' is not a 1.x version", nameof(compute));
        var a = compute.AddonSettings;
        string Pick(Addon addon, string? over) => over ?? For(addon, minor)[0].Version;
        var autoscaler = Pick(Addon.ClusterAutoscaler, a.ClusterAutoscalerChart);
        return new ResolvedAddons(
            autoscaler,
            a.ClusterAutoscalerImageTag ?? All.First(r => r.Addon == Addon.ClusterAutoscaler && r.Version == autoscaler).ImageTag,
            Pick(Addon.MetricsServer, a.MetricsServerChart),
            Pick(Addon.LoadBalancerController, a.LoadBalancerController),
            Pick(Addon.Vpa, a.VpaChart),
            Pick(Addon.NvidiaDevicePlugin, a.NvidiaDevicePluginChart))
        {
            PrometheusChart = Pick(Addon.Prometheus, null),
            PrometheusAdapterChart = Pick(Addon.PrometheusAdapter, null),
        };
    }
}
