using Amazon.CDK;
using Constructs;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Global.Waf;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Regional.Audit;
using MultiRegion.Infra.Regional.Compute;
using MultiRegion.Infra.Regional.Ingress;
using MultiRegion.Infra.Regional.Network;

namespace MultiRegion.Infra.Stacks;

/// <summary>One region of the platform: its network, compute and data-tier member.</summary>
public sealed class RegionalStack : Stack
{
    public RegionConfig RegionConfig { get; }
    public RegionalNetwork Network { get; }
    public RegionalIngress Ingress { get; }
    public RegionalAudit Audit { get; }
    public RegionalWebAcl? WebAcl { get; }
    public RegionalCompute? Compute { get; }

    /// <summary>The origin-verify secret (primary region only, when CloudFront fronts regional ACLs).</summary>
    public OriginVerifySecret? OriginVerifySecret { get; }

    public RegionalStack(Construct scope, StackConfig config, RegionConfig region)
        : this(scope, config, region, new StackSpec(StackLayout.RegionalStackName(config, region.Name), region.Name, StackKind.Regional, region.RoleName))
    {
    }

    private RegionalStack(Construct scope, StackConfig config, RegionConfig region, StackSpec spec)
        : base(scope, spec.Name, PlatformStackProps.For(config, spec, $"{region.RoleName} region {region.Name}"))
    {
        RegionConfig = region;
        PlatformStackProps.Tag(this, config, spec);
        Network = new RegionalNetwork(this, "Network", new RegionalNetworkProps(region, config.NetworkSettings, config.ProtectData));
        Audit = new RegionalAudit(this, "Audit", new RegionalAuditProps(config, region));
        Ingress = new RegionalIngress(this, "Ingress", new RegionalIngressProps(Network.Vpc, config.Dns,
            config.Compute?.IngressSettings.IdleTimeoutSeconds ?? new IngressConfig().IdleTimeoutSeconds,
            config.SecuritySettings.AccessLogs ? Audit.Logs?.Bucket : null, config.ProtectData));
        if (config.Compute is not null)
            Compute = new RegionalCompute(this, "Compute", new RegionalComputeProps(config, region, Network.Vpc, Ingress));
        if (Global.Waf.OriginVerify.IsOn(config) && region.Role == RegionRole.Primary)
            OriginVerifySecret = new OriginVerifySecret(this, "OriginVerify", config);
        if (config.Edge?.Waf is { RegionalAcls: true } waf)
            WebAcl = new RegionalWebAcl(this, "WebAcl", waf, $"{config.Prefix}-{region.Name}", Ingress.LoadBalancer,
                Global.Waf.OriginVerify.AcceptedValues(config));
    }
}
