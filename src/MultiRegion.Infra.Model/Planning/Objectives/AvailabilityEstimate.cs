namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>A region's serving path: its share of traffic and the availability assumed for it.</summary>
public sealed record ServingPath(string Region, int TrafficWeight, double AvailabilityPercent);

/// <summary>An availability estimate with the assumptions it rests on.</summary>
public sealed record AvailabilityResult(double Percent, IReadOnlyList<BudgetTerm> Terms, IReadOnlyList<string> Assumptions);

/// <summary>
/// Composite availability of regional serving paths behind failover. Users lose service when every
/// region is down at once, and, for each region outage, while failover has not finished (the RTO) for
/// that region's share of traffic.
/// </summary>
public static class AvailabilityEstimate
{
    public static AvailabilityResult Compute(IReadOnlyList<ServingPath> paths, double rtoSeconds, double outagesPerRegionPerYear)
    {
        var allDown = paths.Aggregate(1.0, (p, path) => p * (1 - path.AvailabilityPercent / 100));
        var failoverGap = paths.Sum(p => p.TrafficWeight / 100.0 * outagesPerRegionPerYear * rtoSeconds / AwsLimits.SecondsPerYear);
        var percent = (1 - allDown - failoverGap) * 100;
        return new AvailabilityResult(
            percent,
            [
                new BudgetTerm("all regions down at once", allDown * AwsLimits.SecondsPerYear,
                    $"product of regional unavailability ({string.Join(" x ", paths.Select(p => Format.Percent(100 - p.AvailabilityPercent)))}) per year", true),
                new BudgetTerm("failover gaps", failoverGap * AwsLimits.SecondsPerYear,
                    $"{outagesPerRegionPerYear} outage(s) per region per year x RTO {Format.Seconds(rtoSeconds)} x the region's traffic share", true),
            ],
            [
                "regions fail independently",
                $"each region's serving path (load balancer, EKS, data) is available {string.Join(", ", paths.Select(p => $"{p.Region} {Format.Percent(p.AvailabilityPercent)}"))}",
                $"{outagesPerRegionPerYear} region outage(s) per region per year, each costing its traffic share one RTO",
                "the global layer (Route53, CloudFront) is not counted: its SLAs are credits, not measurements",
            ]);
    }
}
