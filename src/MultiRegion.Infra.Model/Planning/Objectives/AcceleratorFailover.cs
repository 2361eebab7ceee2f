using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>
/// How long Global Accelerator takes to move new connections off a failed region when its endpoints are Application
/// Load Balancers. GA does not run its own checks against load balancer endpoints: it uses the load balancer's target
/// health (https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups.html). So the time is the
/// target groups' detection, interval x unhealthy threshold (the slowest workload's, since the endpoint stays
/// healthy while any target group has healthy targets), plus GA's reaction to the endpoint turning unhealthy. The
/// target groups leave the unhealthy threshold at the ALB default of 2
/// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html). An
/// estimate: the GA part comes from a workshop, not a bound.
/// </summary>
public static class AcceleratorFailover
{
    /// <summary>The dependent step of a region failover for clients that come through the accelerator.</summary>
    public static DependentStep Step(StackConfig c)
    {
        var intervals = c.Compute?.EffectiveWorkloads.Values.Where(w => w.Ingress is not null).Select(w => w.Ingress!.HealthCheckIntervalSeconds).ToList() ?? [];
        var interval = intervals.Count > 0 ? intervals.Max() : AwsLimits.AlbDefaultHealthCheckIntervalSeconds;
        const int threshold = AwsLimits.AlbDefaultUnhealthyThreshold;
        var reaction = AwsLimits.GlobalAcceleratorReaction;
        return new DependentStep("Global Accelerator endpoint failover", new AwsFact(
            interval * threshold + reaction.Seconds,
            $"load balancer target health {interval} s x {threshold} failures (slowest target group; ALB default threshold) + {reaction.Source}",
            Estimate: true));
    }
}
