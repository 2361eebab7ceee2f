using Amazon.CDK;
using Amazon.CDK.AWS.Route53;
using Constructs;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Composition.References;
using MultiRegion.Infra.Global.Cdn;
using MultiRegion.Infra.Global.Cost;
using MultiRegion.Infra.Global.Dns;
using MultiRegion.Infra.Global.Waf;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Stacks;

/// <summary>
/// The global edge, homed in us-east-1 because CloudFront's WAF web ACL and ACM certificate must live there
/// (and Route53 health-check metrics are published only there): region health checks, routed names with the
/// exact failover tree, CloudFront and its web ACL. Empty when the config has no <c>edge</c> section.
/// </summary>
public sealed class GlobalStack : Stack
{
    public RegionEndpoints? Endpoints { get; }
    public FailoverRecordTree? Failover { get; }
    public EdgeDistribution? Cdn { get; }
    public EdgeWebAcl? WebAcl { get; }

    /// <summary>Budgets and the anomaly subscription: they publish to the global severity topics (alert routing orders them after).</summary>
    public IReadOnlyList<Constructs.Construct> CostNotifiers { get; } = [];

    /// <summary>The failover plan the record tree was built from (the same one plan.json shows).</summary>
    public FailoverPlan? FailoverPlan { get; }

    public GlobalStack(Construct scope, StackConfig config, IReadOnlyDictionary<string, RegionalStack> regions, AcceleratorStack? accelerator = null)
        : this(scope, config, regions, accelerator, StackLayout.For(config).Single(s => s.Kind == StackKind.Global))
    {
    }

    private GlobalStack(Construct scope, StackConfig config, IReadOnlyDictionary<string, RegionalStack> regions, AcceleratorStack? accelerator, StackSpec spec)
        : base(scope, spec.Name, PlatformStackProps.For(config, spec, "global edge and traffic routing"))
    {
        PlatformStackProps.Tag(this, config, spec);
        // Budgets and Cost Explorer are global services: their resources live here, edge or not.
        CostNotifiers = CostGuardrails.Build(this, config);
        if (config.Edge is not { } edge)
            return;

        var names = new DnsNames(config.Dns);
        var zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes
        {
            HostedZoneId = config.Dns.HostedZoneId,
            ZoneName = config.Dns.ZoneName,
        });

        Endpoints = new RegionEndpoints(this, "Regions", new RegionEndpointsProps(
            names,
            config.Regions.Select(r => new RegionEndpoint(r.Name,
                CrossStackValue.Read(this, regions[r.Name], config, "alb-dns-name", regions[r.Name].Ingress.LoadBalancer.LoadBalancerDnsName),
                CrossStackValue.Read(this, regions[r.Name], config, "alb-zone-id", regions[r.Name].Ingress.LoadBalancer.LoadBalancerCanonicalHostedZoneId))).ToList(),
            edge.HealthCheck,
            config.Prefix));
        var checks = Endpoints.HealthChecks.ToDictionary(kv => kv.Key, kv => kv.Value.Ref, StringComparer.Ordinal);
        var weights = config.Regions.ToDictionary(r => r.Name, r => r.TrafficWeight, StringComparer.Ordinal);

        FailoverPlan = FailoverPlanner.Plan(config);
        var routed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CdnConfig.WeightedOrigin] = names.Fqdn(edge.Routing.WeightedName),
            [CdnConfig.LatencyOrigin] = names.Fqdn(edge.Routing.LatencyName),
        };
        Failover = new FailoverRecordTree(this, "Weighted", new FailoverRecordTreeProps(
            names, routed[CdnConfig.WeightedOrigin], FailoverPlan, checks,
            new ScenarioHealthChecks(this, "ScenarioChecks", Endpoints.HealthChecks), weights));
        new LatencyRecords(this, "Latency", names, routed[CdnConfig.LatencyOrigin], checks);
        if (edge.Routing is { GeolocationName: { } geoName, Geolocation: { } rules })
        {
            routed[CdnConfig.GeolocationOrigin] = names.Fqdn(geoName);
            new GeolocationRecords(this, "Geolocation", new GeolocationRecordsProps(
                names, routed[CdnConfig.GeolocationOrigin], rules, checks, weights, Fallback: routed[CdnConfig.WeightedOrigin]));
        }
        if (accelerator is not null && edge.Accelerator is { } ga)
        {
            routed[CdnConfig.AcceleratorOrigin] = names.Fqdn(ga.RecordName);
            AliasRecord.Create(this, "AcceleratorAlias", names, routed[CdnConfig.AcceleratorOrigin],
                CrossStackValue.Read(this, accelerator, config, "accelerator-dns-name", accelerator.Accelerator.DnsName),
                AliasRecord.GlobalAcceleratorZoneId, evaluateTargetHealth: true);
        }

        if (edge.Waf is { } waf)
            WebAcl = new EdgeWebAcl(this, "WebAcl", new EdgeWebAclProps(waf, WebAclScope.CloudFront, $"{config.Prefix}-cloudfront"));
        if (edge.Cdn is { } cdn)
            Cdn = new EdgeDistribution(this, "Cdn", new EdgeDistributionProps(
                cdn, names, zone, config.Regions.Select(r => r.Name).ToList(), routed, WebAcl?.Arn, config.ProtectData, config.Prefix,
                OriginVerify.SentHeaders(config)));
        SameZoneAliasOrder.Apply(this);
    }
}
