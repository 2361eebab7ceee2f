using Amazon.CDK.AWS.Route53;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Dns;

/// <summary>Inputs of <see cref="GeolocationRecords"/>.</summary>
/// <param name="Fallback">Name answered when every region of a rule is down (the weighted name and its failover splits).</param>
public sealed record GeolocationRecordsProps(
    DnsNames Names,
    string Name,
    IReadOnlyList<GeolocationRule> Rules,
    IReadOnlyDictionary<string, string> RegionChecks,
    IReadOnlyDictionary<string, int> NormalWeights,
    string Fallback);

/// <summary>
/// The geolocation-routed name. A location can point at only one record, so each rule gets its own name
/// <c>rule-N.&lt;name&gt;</c>: a failover pair whose primary is the rule's region (or a weighted set of its
/// regions, by their normal weights, under <c>set.rule-N.&lt;name&gt;</c>) and whose secondary is the weighted
/// name. Users of a location whose regions are all down thus get the failover split instead of a dead region.
/// </summary>
public sealed class GeolocationRecords : Construct
{
    public GeolocationRecords(Construct scope, string id, GeolocationRecordsProps props) : base(scope, id)
    {
        var names = props.Names;
        for (var i = 0; i < props.Rules.Count; i++)
        {
            var rule = props.Rules[i];
            var ruleName = $"rule-{i}.{props.Name}";
            if (rule.Regions.Count == 1)
            {
                var region = rule.Regions[0];
                // Failover alias records evaluate their target's health, as Route53 asks
                // (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-failover-alias.html,
                // "Evaluate target health"). The target, the region's origin alias, has no check of its own and does not
                // evaluate the load balancer, so it always counts as healthy: the region's check alone decides, as planned.
                AliasRecord.ToName(this, $"Rule{i}", names, ruleName, names.RegionOrigin(region), evaluateTargetHealth: true,
                    new Routing(SetIdentifier: region, Failover: "PRIMARY", HealthCheckId: props.RegionChecks[region]));
            }
            else
            {
                var set = $"set.{ruleName}";
                foreach (var region in rule.Regions)
                    AliasRecord.ToName(this, $"Rule{i}{DnsNames.Id(region)}", names, set, names.RegionOrigin(region), evaluateTargetHealth: false,
                        new Routing(SetIdentifier: region, Weight: Math.Max(1, props.NormalWeights[region]), HealthCheckId: props.RegionChecks[region]));
                AliasRecord.ToName(this, $"Rule{i}", names, ruleName, set, evaluateTargetHealth: true,
                    new Routing(SetIdentifier: "regions", Failover: "PRIMARY"));
            }
            AliasRecord.ToName(this, $"Rule{i}Fallback", names, ruleName, props.Fallback, evaluateTargetHealth: true,
                new Routing(SetIdentifier: "fallback", Failover: "SECONDARY"));

            foreach (var location in rule.Locations)
            {
                var isDefault = location == GeolocationRule.Default;
                AliasRecord.ToName(this, isDefault ? "Elsewhere" : location, names, props.Name, ruleName, evaluateTargetHealth: true,
                    new Routing(
                        SetIdentifier: isDefault ? "default" : location,
                        GeoLocation: isDefault
                            ? new CfnRecordSet.GeoLocationProperty { CountryCode = "*" }
                            : new CfnRecordSet.GeoLocationProperty { ContinentCode = location }));
            }
        }
    }
}
