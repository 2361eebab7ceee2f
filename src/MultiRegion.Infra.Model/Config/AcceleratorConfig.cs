namespace MultiRegion.Infra.Model.Config;

/// <summary>How Global Accelerator pins a client to an endpoint.</summary>
public enum ClientAffinity
{
    /// <summary>Each connection is balanced on its own five-tuple.</summary>
    None,

    /// <summary>Connections from one source IP go to the same endpoint (session affinity).</summary>
    SourceIp,
}

/// <summary>
/// AWS Global Accelerator in front of the regional load balancers (TCP, so WebSockets pass through).
/// Its resources live in us-west-2 whatever the regions are. Established connections are not moved on
/// failover: clients reconnect.
/// </summary>
/// <param name="RecordName">Name in the zone aliased to the accelerator (one label, e.g. <c>ws</c>).</param>
/// <param name="ListenerPort">TCP port of the listener (the load balancers' HTTPS port).</param>
/// <param name="ClientAffinity">none or sourceIp.</param>
/// <param name="HealthCheckIntervalSeconds">Refused: see <see cref="IgnoredHealthCheckSettings"/>.</param>
/// <param name="HealthCheckThreshold">Refused: see <see cref="IgnoredHealthCheckSettings"/>.</param>
/// <param name="HealthCheckPath">Refused: see <see cref="IgnoredHealthCheckSettings"/>.</param>
/// <param name="EndpointGroups">Per region: traffic dial and endpoint weight; a region left out gets dial 100, weight 128.</param>
public sealed record AcceleratorConfig(
    string RecordName,
    int? HealthCheckIntervalSeconds = null,
    int? HealthCheckThreshold = null,
    int ListenerPort = 443,
    ClientAffinity ClientAffinity = ClientAffinity.SourceIp,
    string? HealthCheckPath = null,
    IReadOnlyDictionary<string, EndpointGroupConfig>? EndpointGroups = null)
{
    /// <summary>
    /// Every endpoint here is an Application Load Balancer, and for load balancer endpoints Global Accelerator ignores
    /// the endpoint group's health-check settings and uses the load balancer's own target health
    /// (https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups.html: "For Network Load
    /// Balancer and Application Load Balancer endpoints, configure health check settings on the ELB console"). So
    /// these settings would do nothing and are refused at load; the target groups' health checks
    /// (<c>compute.workloads.*.ingress.healthCheck*</c>) decide, see <c>Planning/Objectives/AcceleratorFailover</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> IgnoredHealthCheckSettings = ["healthCheckIntervalSeconds", "healthCheckThreshold", "healthCheckPath"];

    public EndpointGroupConfig EndpointGroupOf(string region) =>
        EndpointGroups is not null && EndpointGroups.TryGetValue(region, out var g) ? g : new EndpointGroupConfig();
}

/// <summary>One region's endpoint group.</summary>
/// <param name="TrafficDialPercent">Share of the traffic headed to this region that it accepts (0-100); the rest goes to the next closest group.</param>
/// <param name="Weight">Weight of the region's load balancer within its group (0-255).</param>
public sealed record EndpointGroupConfig(
    int TrafficDialPercent = 100,
    int Weight = 128);
