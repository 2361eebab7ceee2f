namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// Cluster Autoscaler timings. It discovers the node groups by their ASG tags; per-group scale-down
/// utilization comes from <c>sizing.*.nodeGroups.*.scaleDownUtilization</c>.
/// </summary>
/// <param name="ScanIntervalSeconds">How often it looks at the cluster (<c>--scan-interval</c>).</param>
/// <param name="ScaleUpDelaySeconds">How old an unschedulable pod must be before it triggers a scale-up (<c>--new-pod-scale-up-delay</c>).</param>
/// <param name="ScaleDownDelayAfterAddSeconds">No scale-down this long after a scale-up (<c>--scale-down-delay-after-add</c>).</param>
/// <param name="ScaleDownUnneededSeconds">How long a node must be unneeded before it is removed (<c>--scale-down-unneeded-time</c>).</param>
/// <param name="ScaleDownUtilization">Default threshold for node groups that set none (<c>--scale-down-utilization-threshold</c>).</param>
/// <param name="Expander">How it picks a node group to grow: <c>least-waste</c>, <c>random</c>, <c>most-pods</c>, <c>price</c>, <c>priority</c>.</param>
public sealed record ClusterAutoscalerConfig(
    int ScanIntervalSeconds = 10,
    int ScaleUpDelaySeconds = 0,
    int ScaleDownDelayAfterAddSeconds = 600,
    int ScaleDownUnneededSeconds = 600,
    double ScaleDownUtilization = 0.5,
    string Expander = "least-waste");

/// <summary>
/// Overrides of the cluster add-on versions (pinned, so a deploy never picks up a new chart by surprise). Each one
/// left out comes from the version table (<c>Model/Lifecycle/AddonVersions</c>) for the cluster's Kubernetes minor;
/// one given must be a row of that table that supports the minor.
/// </summary>
/// <param name="ClusterAutoscalerChart">Chart <c>cluster-autoscaler</c> from kubernetes.github.io/autoscaler.</param>
/// <param name="ClusterAutoscalerImageTag">Autoscaler image; its minor must match the Kubernetes minor (e.g. <c>v1.35.0</c>).</param>
/// <param name="MetricsServerChart">Chart <c>metrics-server</c> from kubernetes-sigs.github.io/metrics-server.</param>
/// <param name="LoadBalancerController">AWS Load Balancer Controller version, one the CDK ships an IAM policy and chart version for (e.g. <c>2.8.2</c>).</param>
/// <param name="VpaChart">Chart <c>vpa</c> from charts.fairwinds.com/stable; installed only when a workload has a VPA.</param>
/// <param name="NvidiaDevicePluginChart">Chart <c>nvidia-device-plugin</c> from nvidia.github.io/k8s-device-plugin; installed only when a node tier is a GPU tier.</param>
public sealed record AddonsConfig(
    string? ClusterAutoscalerChart = null,
    string? ClusterAutoscalerImageTag = null,
    string? MetricsServerChart = null,
    string? LoadBalancerController = null,
    string? VpaChart = null,
    string? NvidiaDevicePluginChart = null);
