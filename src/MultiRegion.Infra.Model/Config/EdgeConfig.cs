namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// The <c>edge</c> section of a stack config: the global layer in front of the regions. Route53 health
/// checks and routed names, the exact failover splits, CloudFront with origin groups, WAF and (optionally)
/// Global Accelerator. Without it the platform has no global entry point.
/// </summary>
/// <param name="HealthCheck">The Route53 health check every region's endpoint gets.</param>
/// <param name="Routing">Routed API names (weighted, latency, geolocation) and the failover table.</param>
/// <param name="Cdn">The CloudFront distribution; none when absent.</param>
/// <param name="Waf">Web ACLs for CloudFront (and the regional load balancers); none when absent.</param>
/// <param name="Accelerator">Global Accelerator in front of the regional load balancers; none when absent.</param>
public sealed record EdgeConfig(
    HealthCheckConfig HealthCheck,
    RoutingConfig Routing,
    CdnConfig? Cdn = null,
    WafConfig? Waf = null,
    AcceleratorConfig? Accelerator = null);

/// <summary>The Route53 health check of each region's endpoint (<c>&lt;region&gt;.&lt;zone&gt;</c>, HTTPS).</summary>
/// <param name="Path">Path requested; a 2xx or 3xx answer within 2 s counts as healthy.</param>
/// <param name="IntervalSeconds">
/// Seconds between checks: Route53 allows only 10 (fast) or 30 (standard). Leave it out to let the program
/// choose: the standard 30 s when it keeps <c>objectives.regionFailover.rtoSeconds</c>, else the fast 10 s
/// (the choice is stated in the plan).
/// </param>
/// <param name="FailureThreshold">Consecutive failures before the region counts as down: 1-10.</param>
/// <param name="Port">HTTPS port of the endpoint.</param>
public sealed record HealthCheckConfig(
    string Path,
    int FailureThreshold,
    int? IntervalSeconds = null,
    int Port = 443)
{
    public static readonly IReadOnlyList<int> AllowedIntervals = [10, 30];

    /// <summary>The interval in force: the configured one, or the one the loader chose (see <see cref="Loading.ConfigLoader"/>).</summary>
    public int Interval => IntervalSeconds
        ?? throw new InvalidOperationException("edge.healthCheck.intervalSeconds has not been chosen yet: load configs through ConfigLoader");

    /// <summary>Roughly how long Route53 takes to see a region down: interval x threshold.</summary>
    public int DetectionSeconds => Interval * FailureThreshold;
}
