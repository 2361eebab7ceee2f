namespace MultiRegion.Infra.Model.Config;

/// <summary>How the EKS API server endpoint is reachable.</summary>
public enum EndpointAccessMode
{
    /// <summary>Public (limited to <c>publicAccessCidrs</c>) and private: nodes and the kubectl handler use the private one.</summary>
    PublicAndPrivate,

    /// <summary>Only from inside the VPC.</summary>
    Private,
}

/// <summary>EKS control-plane log types (all go to CloudWatch Logs).</summary>
public enum ControlPlaneLog
{
    Api,
    Audit,
    Authenticator,
    ControllerManager,
    Scheduler,
}

/// <summary>
/// The <c>compute</c> section of a stack config: one EKS cluster per region with tiered managed node groups
/// (bounds from <c>sizing</c>), its autoscaling add-ons and the workloads exposed through the regional load balancer.
/// </summary>
/// <param name="KubernetesVersion">EKS Kubernetes version, e.g. <c>"1.30"</c> (quote it in YAML).</param>
/// <param name="Endpoint">API server endpoint access.</param>
/// <param name="ControlPlaneLogs">Control-plane log types to turn on; all of them when absent.</param>
/// <param name="KubectlLayerArns">
/// Per region, an already published Lambda layer with kubectl and helm matching <see cref="KubernetesVersion"/>
/// (layers are regional). Regions not listed use the kubectl 1.20 layer bundled with the CDK.
/// </param>
/// <param name="Autoscaler">Cluster Autoscaler settings.</param>
/// <param name="Addons">Helm chart versions of the cluster add-ons.</param>
/// <param name="Ingress">Regional load balancer settings of the workloads.</param>
/// <param name="Workloads">Workloads by name (the Deployment and Service name in Kubernetes).</param>
public sealed record ComputeConfig(
    string KubernetesVersion,
    EndpointConfig? Endpoint = null,
    IReadOnlyList<ControlPlaneLog>? ControlPlaneLogs = null,
    IReadOnlyDictionary<string, string>? KubectlLayerArns = null,
    ClusterAutoscalerConfig? Autoscaler = null,
    AddonsConfig? Addons = null,
    IngressConfig? Ingress = null,
    IReadOnlyDictionary<string, WorkloadConfig>? Workloads = null)
{
    public EndpointConfig EndpointSettings => Endpoint ?? new EndpointConfig();

    public IReadOnlyList<ControlPlaneLog> EffectiveControlPlaneLogs => ControlPlaneLogs ?? Enum.GetValues<ControlPlaneLog>();

    public ClusterAutoscalerConfig AutoscalerSettings => Autoscaler ?? new ClusterAutoscalerConfig();

    public AddonsConfig AddonSettings => Addons ?? new AddonsConfig();

    public IngressConfig IngressSettings => Ingress ?? new IngressConfig();

    public IReadOnlyDictionary<string, WorkloadConfig> EffectiveWorkloads =>
        Workloads ?? new Dictionary<string, WorkloadConfig>();

    /// <summary>The published kubectl layer for a region, or null for the CDK's bundled one.</summary>
    public string? KubectlLayerArnFor(string region) =>
        KubectlLayerArns is not null && KubectlLayerArns.TryGetValue(region, out var arn) ? arn : null;
}

/// <summary>EKS API server endpoint access.</summary>
/// <param name="Access"><c>publicAndPrivate</c> (default) or <c>private</c>.</param>
/// <param name="PublicAccessCidrs">Who may reach the public endpoint; required with <c>publicAndPrivate</c>.</param>
public sealed record EndpointConfig(
    EndpointAccessMode Access = EndpointAccessMode.PublicAndPrivate,
    IReadOnlyList<string>? PublicAccessCidrs = null);

/// <summary>Settings of the regional load balancer that the workloads share.</summary>
/// <param name="IdleTimeoutSeconds">ALB idle timeout (1-4000 s); long-lived WebSockets need more than the default 60 s.</param>
public sealed record IngressConfig(int IdleTimeoutSeconds = 60);
