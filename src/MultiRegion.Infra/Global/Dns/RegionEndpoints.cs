using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Route53;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Dns;

/// <summary>A region's load balancer as the global layer sees it (attributes cross regions through CDK references).</summary>
public sealed record RegionEndpoint(string Region, string LoadBalancerDnsName, string LoadBalancerZoneId);

/// <summary>Inputs of <see cref="RegionEndpoints"/>.</summary>
public sealed record RegionEndpointsProps(DnsNames Names, IReadOnlyList<RegionEndpoint> Regions, HealthCheckConfig HealthCheck, string Prefix);

/// <summary>
/// Per region: the origin name <c>&lt;region&gt;.&lt;zone&gt;</c> aliased to its load balancer, an HTTPS Route53
/// health check on it, and a CloudWatch alarm on the check. These checks are the only source of region health:
/// every routed record below uses them, so the routing follows one definition of "region down".
/// </summary>
public sealed class RegionEndpoints : Construct
{
    public IReadOnlyDictionary<string, CfnHealthCheck> HealthChecks { get; }
    public IReadOnlyDictionary<string, Alarm> Alarms { get; }

    public RegionEndpoints(Construct scope, string id, RegionEndpointsProps props) : base(scope, id)
    {
        var checks = new Dictionary<string, CfnHealthCheck>(StringComparer.Ordinal);
        var alarms = new Dictionary<string, Alarm>(StringComparer.Ordinal);
        foreach (var r in props.Regions)
        {
            var rid = DnsNames.Id(r.Region);
            var origin = props.Names.RegionOrigin(r.Region);
            // Health comes from the check below, not the load balancer's target health: one definition of "down".
            AliasRecord.Create(this, $"Origin{rid}", props.Names, origin, r.LoadBalancerDnsName, r.LoadBalancerZoneId, evaluateTargetHealth: false);

            var check = new CfnHealthCheck(this, $"Check{rid}", new CfnHealthCheckProps
            {
                HealthCheckConfig = new CfnHealthCheck.HealthCheckConfigProperty
                {
                    Type = "HTTPS",
                    FullyQualifiedDomainName = origin,
                    Port = props.HealthCheck.Port,
                    ResourcePath = props.HealthCheck.Path,
                    RequestInterval = props.HealthCheck.Interval,
                    FailureThreshold = props.HealthCheck.FailureThreshold,
                    EnableSni = true,
                },
                HealthCheckTags = new object[] { new CfnHealthCheck.HealthCheckTagProperty { Key = "Name", Value = $"{props.Prefix} {r.Region}" } },
            });
            checks[r.Region] = check;

            // Route53 publishes health-check metrics in us-east-1 only, where the global stack lives.
            alarms[r.Region] = new Alarm(this, $"Down{rid}", new AlarmProps
            {
                AlarmDescription = $"{props.Prefix}: Route53 health check of {origin}{props.HealthCheck.Path} is failing ({r.Region} counts as down)",
                Metric = new Metric(new MetricProps
                {
                    Namespace = "AWS/Route53",
                    MetricName = "HealthCheckStatus",
                    DimensionsMap = new Dictionary<string, string> { ["HealthCheckId"] = check.AttrHealthCheckId },
                    Statistic = "Minimum",
                    Period = Duration.Minutes(1),
                }),
                Threshold = 1,
                ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.BREACHING,
            });
        }
        HealthChecks = checks;
        Alarms = alarms;
    }
}
