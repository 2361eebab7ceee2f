using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Dns;

/// <summary>Names in the platform's zone. Relative names from the config become fully qualified here, in one place.</summary>
public sealed class DnsNames(DnsConfig dns)
{
    public string ZoneName => dns.ZoneName;

    public string HostedZoneId => dns.HostedZoneId;

    public string Fqdn(string relative) => $"{relative}.{dns.ZoneName}";

    /// <summary>A region's origin name, aliased to its load balancer: <c>&lt;region&gt;.&lt;zone&gt;</c> (covered by the regional <c>*.zone</c> certificate).</summary>
    public string RegionOrigin(string region) => Fqdn(region);

    /// <summary>Stable construct id part from a region or name: <c>us-west-2</c> becomes <c>UsWest2</c>.</summary>
    public static string Id(string name) =>
        string.Concat(name.Split('-', '.', '*').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
