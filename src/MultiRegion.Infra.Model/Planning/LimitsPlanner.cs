using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>An AWS limit the layout can reach, with where it comes from.</summary>
/// <param name="Adjustable">False for a hard limit (the config is refused beyond it); true for a default quota
/// that AWS raises on request (a warning names it).</param>
public sealed record AwsQuota(string Name, long Value, bool Adjustable, string Source)
{
    /// <summary>CloudFormation: 500 resources per template (hard).</summary>
    public static readonly AwsQuota ResourcesPerTemplate = new("CloudFormation resources per template", 500, false,
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html");

    /// <summary>Route53: 200 health checks per account by default (adjustable).</summary>
    public static readonly AwsQuota HealthChecksPerAccount = new("Route53 health checks per account", 200, true,
        "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html");

    /// <summary>Route53: 10,000 records per hosted zone by default (adjustable).</summary>
    public static readonly AwsQuota RecordsPerHostedZone = new("Route53 records per hosted zone", 10_000, true,
        "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html");

    /// <summary>Route53: 100 weighted records with the same name and type (hard).</summary>
    public static readonly AwsQuota WeightedRecordsPerName = new("Route53 weighted records per name and type", 100, false,
        "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html");
}

/// <summary>How much of one quota the config uses, with the arithmetic that gives it.</summary>
public sealed record LimitUse(AwsQuota Quota, string Scope, long Used, string Arithmetic)
{
    public bool Over => Used > Quota.Value;

    /// <summary>At or above 80 % of a quota: time to ask for more before a deploy fails.</summary>
    public bool Near => Used * 5 >= Quota.Value * 4;
}

/// <summary>
/// The AWS limits the layout can reach, counted from the config before synthesis (pure arithmetic). The global
/// stack is the one that grows with regions and failover rows; a regional stack's resources do not depend on the
/// region count. Counts mirror the constructs: <c>RegionEndpoints</c>, <c>FailoverRecordTree</c>,
/// <c>ScenarioHealthChecks</c>, <c>LatencyRecords</c>, <c>GeolocationRecords</c> and the cross-region reads of
/// <c>GlobalStack</c>; a test compares the estimate with the synthesized templates.
/// </summary>
public static class LimitsPlanner
{
    /// <summary>
    /// Global-stack resources that do not grow with regions (certificate, CloudFront, cache policies, web ACL, log
    /// bucket, alerting topics, dashboard, the cross-region reader's function and role): measured at 28 for
    /// stacks/prod.yaml on 2026-11-22; 40 leaves room for optional parts. An estimate, so the refusal is kept for
    /// configs clearly over.
    /// </summary>
    public const int GlobalFixedResources = 40;

    /// <summary>Per region in the global stack: two cross-region reads (load balancer name and zone id), each a reader
    /// and its IAM policy (<c>Composition/References/ParameterReader</c>).</summary>
    public const int CrossRegionReadResourcesPerRegion = 4;

    /// <summary>
    /// Failover-runbook resources in the global stack (Recovery/): with an automatic or approval trigger an EventBridge
    /// rule per region plus one role and policy; when us-east-1 is not a region of the config, the global stack also
    /// hosts every region's failover and fail-back documents, each with a role and a policy. An upper estimate.
    /// </summary>
    public static int RecoveryResources(StackConfig c)
    {
        if (c.Recovery is not { } r) return 0;
        var n = c.Regions.Count;
        var rules = r.Trigger == Config.RecoveryTrigger.Manual ? 0 : n + 2;
        var hosted = c.Regions.Any(x => x.Name == AwsRegions.CloudFrontHome) ? 0 : n * 6;
        return rules + hosted;
    }

    /// <summary>Records and health checks of the global stack's DNS part.</summary>
    public sealed record DnsCount(int Records, int HealthChecks, string RecordArithmetic, string CheckArithmetic);

    public static DnsCount Dns(StackConfig c)
    {
        if (c.Edge is not { } edge)
            return new DnsCount(0, 0, "no edge section", "no edge section");
        var n = c.Regions.Count;
        var plan = FailoverPlanner.Plan(c);
        var rows = plan.Configured;
        var rowRecords = rows.Sum(s => 3 + s.Split.Count);
        var geo = edge.Routing.Geolocation ?? [];
        var geoRecords = geo.Sum(g => (g.Regions.Count == 1 ? 1 : g.Regions.Count + 1) + 1 + g.Locations.Count);
        var accelerator = edge.Accelerator is not null ? 1 : 0;
        var records = n /* origins */ + rowRecords + n /* weighted set */ + n /* latency */ + geoRecords + accelerator;
        var up = rows.Select(s => Key(s.Surviving)).Distinct().Count(k => k.Contains(','));
        var down = rows.Select(s => Key(s.Failed)).Distinct().Count();
        var checks = n + up + down;
        return new DnsCount(records, checks,
            $"{n} origins + {rows.Count} failover rows x 3 + {rows.Sum(s => s.Split.Count)} row weights + {n} weighted + {n} latency"
            + (geoRecords > 0 ? $" + {geoRecords} geolocation" : "") + (accelerator > 0 ? " + 1 accelerator" : "") + $" = {records}",
            $"{n} region checks + {up} 'survivors up' + {down} 'failed down' (shared between rows) = {checks}");
    }

    /// <summary>Every quota use of the config, in a stable order (for plan.md and the load-time rules).</summary>
    public static IReadOnlyList<LimitUse> Of(StackConfig c)
    {
        if (c.Edge is null)
            return [];
        var n = c.Regions.Count;
        var dns = Dns(c);
        var alarms = n;
        var reads = n * CrossRegionReadResourcesPerRegion + (c.Edge.Accelerator is not null ? 2 : 0);
        var recovery = RecoveryResources(c);
        var global = dns.Records + dns.HealthChecks + alarms + reads + recovery + GlobalFixedResources;
        var plan = FailoverPlanner.Plan(c);
        var largestSet = plan.Configured.Select(s => s.Split.Count).Append(n).Max();
        return
        [
            new LimitUse(AwsQuota.ResourcesPerTemplate, StackLayout.GlobalStackName(c), global,
                $"{dns.Records} records ({plan.Configured.Count} failover rows) + {dns.HealthChecks} health checks + {alarms} alarms + {reads} cross-region reads + {recovery} recovery + at most {GlobalFixedResources} fixed = {global}"),
            new LimitUse(AwsQuota.HealthChecksPerAccount, "account", dns.HealthChecks, dns.CheckArithmetic),
            new LimitUse(AwsQuota.RecordsPerHostedZone, c.Dns.ZoneName, dns.Records, dns.RecordArithmetic),
            new LimitUse(AwsQuota.WeightedRecordsPerName, c.Dns.ZoneName, largestSet, $"largest weighted set: {largestSet} regions"),
        ];
    }

    private static string Key(IReadOnlyList<string> regions) => string.Join(",", regions.Order(StringComparer.Ordinal));
}
