namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// A workload running in every region: its scaling (HPA, optional VPA) and, when <see cref="Ingress"/> is set,
/// a target group of the regional load balancer its pods register with (TargetGroupBinding).
/// The workload's name is its Deployment's and Service's name.
/// </summary>
/// <param name="Namespace">Kubernetes namespace of the Deployment and Service.</param>
/// <param name="Port">Container port the Service targets and the load balancer sends traffic to.</param>
/// <param name="Replicas">Replica bounds by sizing tier name (the tier a region uses, see <c>sizing</c>).</param>
/// <param name="Metrics">HPA metric targets.</param>
/// <param name="Behavior">HPA scale-up and scale-down behaviour.</param>
/// <param name="Vpa">A VerticalPodAutoscaler for the workload.</param>
/// <param name="Ingress">How the regional load balancer routes to the workload.</param>
public sealed record WorkloadConfig(
    string Namespace,
    int Port,
    IReadOnlyDictionary<string, ReplicaRange> Replicas,
    IReadOnlyList<MetricTarget> Metrics,
    ScalingBehavior? Behavior = null,
    VpaConfig? Vpa = null,
    WorkloadIngressConfig? Ingress = null);

/// <summary>HPA replica bounds.</summary>
public sealed record ReplicaRange(int Min, int Max);

/// <summary>What an HPA metric measures.</summary>
public enum MetricKind
{
    /// <summary>Average CPU utilization of the pods, in percent of their requests.</summary>
    Cpu,

    /// <summary>Average memory utilization of the pods, in percent of their requests.</summary>
    Memory,

    /// <summary>
    /// A per-pod custom metric. It needs a custom metrics adapter (such as prometheus-adapter), which the platform
    /// does not install yet, so the loader refuses it: an unserved metric stops the HPA from ever scaling down.
    /// </summary>
    Pods,
}

/// <summary>One HPA metric target.</summary>
/// <param name="Kind">cpu, memory or pods.</param>
/// <param name="Utilization">Target average utilization in percent (cpu, memory).</param>
/// <param name="Name">Metric name (pods).</param>
/// <param name="AverageValue">Target average value per pod, a Kubernetes quantity such as <c>80</c> or <c>100m</c> (pods).</param>
public sealed record MetricTarget(
    MetricKind Kind,
    int? Utilization = null,
    string? Name = null,
    string? AverageValue = null);

/// <summary>HPA <c>behavior</c>.</summary>
public sealed record ScalingBehavior(ScalingRules? ScaleUp = null, ScalingRules? ScaleDown = null);

/// <summary>Which of several policies wins.</summary>
public enum PolicySelect
{
    /// <summary>The policy allowing the largest change.</summary>
    Max,

    /// <summary>The policy allowing the smallest change.</summary>
    Min,

    /// <summary>No scaling in this direction.</summary>
    Disabled,
}

/// <summary>One direction of HPA behaviour.</summary>
/// <param name="StabilizationSeconds">Stabilization window (0-3600 s).</param>
/// <param name="Select">Which policy wins when several apply.</param>
/// <param name="Policies">Rate limits per period.</param>
public sealed record ScalingRules(
    int StabilizationSeconds,
    IReadOnlyList<ScalingPolicy> Policies,
    PolicySelect Select = PolicySelect.Max);

/// <summary>How an HPA policy counts.</summary>
public enum ScalingPolicyKind
{
    Percent,
    Pods,
}

/// <summary>At most <see cref="Value"/> pods or percent per <see cref="PeriodSeconds"/> (1-1800 s).</summary>
public sealed record ScalingPolicy(ScalingPolicyKind Kind, int Value, int PeriodSeconds);

/// <summary>VPA update modes.</summary>
public enum VpaUpdateMode
{
    /// <summary>Recommendations only; pods are left alone.</summary>
    Off,

    /// <summary>Requests set when pods are created.</summary>
    Initial,

    /// <summary>Requests set at creation and pods evicted to apply new ones.</summary>
    Auto,
}

/// <summary>A VerticalPodAutoscaler for a workload.</summary>
/// <param name="UpdateMode">off, initial or auto.</param>
/// <param name="ControlledResources">Resources the VPA sets requests for.</param>
public sealed record VpaConfig(
    VpaUpdateMode UpdateMode,
    IReadOnlyList<string>? ControlledResources = null)
{
    public IReadOnlyList<string> EffectiveControlledResources => ControlledResources ?? ["cpu", "memory"];
}

/// <summary>How the regional load balancer routes to a workload.</summary>
/// <param name="Priority">Listener rule priority (1-50000), unique per region.</param>
/// <param name="PathPatterns">Request paths routed to the workload (at most 5 per rule).</param>
/// <param name="HealthCheckPath">Target group health check path.</param>
/// <param name="HealthCheckIntervalSeconds">Seconds between health checks of each pod (5-300).</param>
/// <param name="HealthCheckTimeoutSeconds">Seconds a health check may take; less than the interval.</param>
/// <param name="StickinessSeconds">Load-balancer cookie stickiness duration; none when absent.</param>
/// <param name="DeregistrationDelaySeconds">How long a deregistering pod keeps its connections (0-3600 s).</param>
public sealed record WorkloadIngressConfig(
    int Priority,
    IReadOnlyList<string> PathPatterns,
    string HealthCheckPath = "/health",
    int HealthCheckIntervalSeconds = 15,
    int HealthCheckTimeoutSeconds = 5,
    int? StickinessSeconds = null,
    int DeregistrationDelaySeconds = 30);
